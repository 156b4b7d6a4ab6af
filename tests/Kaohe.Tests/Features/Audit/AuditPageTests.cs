using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Kaohe.Features.Audit;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Audit;

/// <summary>The audit page as the province admin reads it: every entry of the demo trail, in Chinese.</summary>
public sealed class AuditPageTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [Fact]
    public async Task EveryEntityOfTheModel_HasAChineseName_AndEveryAuditedFieldALabel()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<KaoheDbContext>();
        var unnamed = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(AuditEntry) && !t.IsOwned()))
        {
            var type = entity.ClrType;
            if (AuditTexts.EntityName(type.Name) == type.Name) unnamed.Add(type.Name);
            if (type.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
            unnamed.AddRange(entity.GetProperties().Where(p => AuditFieldNames.Label(p.Name) == p.Name).Select(p => $"{type.Name}.{p.Name}"));
        }
        Assert.Empty(unnamed);
    }

    [Fact]
    public async Task TheTrail_AllOfItAndPerUnit_Renders()
    {
        var client = await app.SignedInAsync("admin");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<KaoheDbContext>();
        // A clear-text view records a sentence, not a JSON object: the page showed 500 on it once.
        await Kaohe.Features.Ledger.Masking.RecordUnmaskedViewAsync(db, new Kaohe.Features.Ledger.UnmaskedView("借款人", "1", null, "张三", ["身份证号"]));
        var units = await db.AuditEntries.Where(e => e.UnitId != null).Select(e => e.UnitId!.Value).Distinct().Take(5).ToListAsync();
        var pages = await db.AuditEntries.CountAsync() / 50 + 1;
        var urls = units.Select(u => $"/Audit?unit={u}").Concat(Enumerable.Range(1, Math.Min(pages, 6)).Select(p => $"/Audit?p={p}"));
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var labels = Regex.Matches(html, "<dt>([^<]*)</dt>").Select(m => m.Groups[1].Value);
            Assert.DoesNotContain(labels, l => Regex.IsMatch(l, "^[A-Za-z]+$"));
        }
        Assert.Contains("显示明文：身份证号", await client.GetStringAsync("/Audit"));
    }

    [Fact]
    public void Values_ReadAsAPersonReadsThem()
    {
        var values = new AuditValues(new Dictionary<string, IReadOnlyDictionary<string, Type>>
        {
            ["Campaign"] = new Dictionary<string, Type> { ["Step"] = typeof(Kaohe.Domain.Ledger.LedgerKind) },
        });
        Assert.Equal([new AuditField("内容", "显示明文：电话")], values.Describe("借款人", "显示明文：电话"));
        var fields = values.Describe("Campaign", """{"AmountFen":123456,"SealedAtUtc":"2026-06-30T16:30:00Z","IsActive":true,"Note":null}""");
        Assert.Equal(["金额", "封存时间", "启用", "备注"], fields.Select(f => f.Label));
        Assert.Equal(["1,234.56 元", "2026-07-01 00:30:00", "是", "—"], fields.Select(f => f.Value));
        // A sign-in's client: the address labelled, the user agent as the browser sent it (the crawl skips translate="no").
        var client = values.Describe("UserAccount", """{"Address":"198.51.100.7","UserAgent":"Mozilla/5.0 AppleWebKit"}""");
        Assert.Equal([new AuditField("登录地址", "198.51.100.7"), new AuditField("浏览器标识", "Mozilla/5.0 AppleWebKit", AsSent: true)], client);
    }
}
