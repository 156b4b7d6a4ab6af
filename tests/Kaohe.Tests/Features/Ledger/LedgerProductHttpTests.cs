using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The ledger's pages and API on the demo data (二七区 is the county account erqi's unit; 中原区 is not), per role.</summary>
public sealed partial class LedgerProductHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private const string AsOf = "asOf=2026-12-31";

    [GeneratedRegex(@"\b\d{6}\*{8}[0-9X]{4}\b")]
    private static partial Regex MaskedId();

    // A whole ID number (division code, birth date, order, check), not a borrower key in a link.
    [GeneratedRegex(@"(?<![\d-])\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[0-9X](?!\d)")]
    private static partial Regex ClearId();

    private async Task<int> UnitAsync(string name)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<AuditEntry>> UnmaskEntriesAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().AuditEntries.Where(e => e.Action == AuditActions.Unmask).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<long> FirstBorrowerAsync(HttpClient client, int unit)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/ledger/units/{unit}/borrowers?{AsOf}"));
        return json.RootElement.GetProperty("borrowers")[0].GetProperty("key").GetInt64();
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("zhengzhou")]
    [InlineData("erqi")]
    [InlineData("bank")]
    public async Task BorrowerPages_AndApi_ShowMaskedIdNumbers_ToEveryRoleThatSeesTheUnit(string user)
    {
        var client = await app.SignedInAsync(user);
        var erqi = await UnitAsync("二七区");
        var list = await client.GetStringAsync($"/Ledger/Borrowers/{erqi}?{AsOf}");
        Assert.Matches(MaskedId(), list);
        Assert.DoesNotMatch(ClearId(), list);
        var key = await FirstBorrowerAsync(client, erqi);
        var page = await client.GetStringAsync($"/Ledger/Borrower/{erqi}/{key}?{AsOf}");
        Assert.Matches(MaskedId(), page);
        Assert.DoesNotMatch(ClearId(), page);
        Assert.Equal(user is "admin" or "erqi", page.Contains("显示明文", StringComparison.Ordinal));
        var api = await client.GetStringAsync($"/api/ledger/units/{erqi}/borrowers/{key}?{AsOf}");
        Assert.DoesNotMatch(ClearId(), api);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("erqi", HttpStatusCode.OK)]
    [InlineData("zhengzhou", HttpStatusCode.Forbidden)]
    [InlineData("bank", HttpStatusCode.Forbidden)]
    public async Task ClearText_IsOnlyForTheAdminAndTheUnitsOperator_AndEachViewIsAudited(string user, HttpStatusCode expected)
    {
        var client = await app.SignedInAsync(user);
        var erqi = await UnitAsync("二七区");
        var key = await FirstBorrowerAsync(client, erqi);
        var before = (await UnmaskEntriesAsync()).Count;
        var response = await client.GetAsync($"/api/ledger/units/{erqi}/borrowers/{key}?{AsOf}&unmask=true");
        Assert.Equal(expected, response.StatusCode);
        var entries = await UnmaskEntriesAsync();
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal(before, entries.Count);
            return;
        }
        Assert.Matches(ClearId(), await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(entries.Skip(before));
        Assert.Equal((user, erqi, key.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Actor, entry.UnitId!.Value, entry.EntityId!));
        Assert.Contains("二七区 借款人", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowClearText_OnThePage_IsAPostThatIsAudited()
    {
        var client = await app.SignedInAsync("erqi");
        var erqi = await UnitAsync("二七区");
        var key = await FirstBorrowerAsync(client, erqi);
        var page = await client.GetStringAsync($"/Ledger/Borrower/{erqi}/{key}?{AsOf}");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var before = (await UnmaskEntriesAsync()).Count;
        var response = await client.PostAsync($"/Ledger/Borrower/{erqi}/{key}?handler=Unmask&{AsOf}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(ClearId(), html);
        Assert.Contains("已记入审计日志", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, (await UnmaskEntriesAsync()).Count);
    }

    [Fact]
    public async Task CountyOperator_CannotSeeAnotherUnitsLedger()
    {
        var admin = await app.SignedInAsync("admin");
        var zhongyuan = await UnitAsync("中原区");
        var key = await FirstBorrowerAsync(admin, zhongyuan);
        var erqi = await app.SignedInAsync("erqi");
        foreach (var url in new[] { $"/Ledger/Unit/{zhongyuan}", $"/Ledger/Borrowers/{zhongyuan}", $"/Ledger/Borrower/{zhongyuan}/{key}",
                     $"/api/ledger/units/{zhongyuan}/borrowers", $"/api/ledger/units/{zhongyuan}/borrowers/{key}", $"/api/ledger/units/{zhongyuan}/borrowers?format=csv",
                     $"/api/ledger/units/{zhongyuan}/indicators?year=2026" })
            Assert.Equal(HttpStatusCode.NotFound, (await erqi.GetAsync(url + (url.Contains('?') ? "&" : "?") + AsOf)).StatusCode);
        var figures = await erqi.GetStringAsync($"/api/ledger/figures?by=unit&{AsOf}");
        Assert.Contains("二七区", figures, StringComparison.Ordinal);
        Assert.DoesNotContain("中原区", figures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountyOperator_UploadWithAnotherUnitsRows_IsRejectedWithNothingWritten()
    {
        var erqi = await app.SignedInAsync("erqi");
        var csv = LedgerFixtures.Header + $"中原区,X-1,{LedgerFixtures.Id("410102200001010015")},某某,2025-12-20,100,1,0,0,\n";
        var response = await erqi.PostAsync("/api/ledger/import?fileName=x.csv", new ByteArrayContent(Files.Csv(csv)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("您无权导入该单位的台账", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().Instalments.AnyAsync(i => i.ContractNumber == "X-1"));
    }

    [Theory]
    [InlineData("bank")]
    [InlineData("zhengzhou")]
    [InlineData("expert")]
    public async Task Upload_IsRefusedToRolesThatMayNotUpload(string user)
    {
        var client = await app.SignedInAsync(user);
        var response = await client.PostAsync("/api/ledger/import?fileName=x.csv", new ByteArrayContent(Files.Csv(LedgerFixtures.Header)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Ledger/Upload")).StatusCode); // to the 无权访问 page
    }

    [Fact]
    public async Task BorrowerExport_IsMasked_AndClearOnlyForAllowedRoles_WithAnAuditEntry()
    {
        var erqiUnit = await UnitAsync("二七区");
        var bank = await app.SignedInAsync("bank");
        var masked = await bank.GetStringAsync($"/api/ledger/units/{erqiUnit}/borrowers?format=csv&{AsOf}");
        Assert.Matches(MaskedId(), masked);
        Assert.DoesNotMatch(ClearId(), masked);
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync($"/api/ledger/units/{erqiUnit}/borrowers?format=csv&unmask=true&{AsOf}")).StatusCode);

        var admin = await app.SignedInAsync("admin");
        var before = (await UnmaskEntriesAsync()).Count;
        var clear = await admin.GetStringAsync($"/api/ledger/units/{erqiUnit}/borrowers?format=csv&unmask=true&{AsOf}");
        Assert.Matches(ClearId(), clear);
        var entry = Assert.Single((await UnmaskEntriesAsync()).Skip(before));
        Assert.Equal("借款人导出", entry.EntityType);
        Assert.Contains("共 ", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulletin_Docx_RanksTheUnits_AndHtmlCarriesTheNumbers()
    {
        var admin = await app.SignedInAsync("admin");
        using var docx = WordprocessingDocument.Open(new MemoryStream(await admin.GetByteArrayAsync($"/api/ledger/bulletin?format=docx&{AsOf}")), false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        foreach (var unit in new[] { "二七区", "中原区", "新郑市", "孟津县" }) Assert.Contains(unit, text, StringComparison.Ordinal);
        Assert.Contains("三、各单位当年本息回收率排名", text, StringComparison.Ordinal);

        using var figures = JsonDocument.Parse(await admin.GetStringAsync($"/api/ledger/figures?by=province&{AsOf}"));
        var province = figures.RootElement.EnumerateArray().Single(r => r.GetProperty("level").GetString() == "Province");
        var rate = province.GetProperty("overdueRateAmount").GetDecimal().ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%";
        var html = await admin.GetStringAsync($"/api/ledger/bulletin?format=html&{AsOf}");
        Assert.Contains($"逾期率（金额）{rate}", html, StringComparison.Ordinal);
        var pdf = await admin.GetByteArrayAsync($"/api/ledger/bulletin?format=pdf&{AsOf}");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    [Fact]
    public async Task Pages_ForEachLevel_ShowTheFiguresAndAChart()
    {
        var admin = await app.SignedInAsync("admin");
        var erqi = await UnitAsync("二七区");
        foreach (var url in new[] { "/Ledger", "/Ledger/City/1", $"/Ledger/Unit/{erqi}", "/Ledger/Forecast", "/Ledger/Bulletin" })
        {
            var html = await admin.GetStringAsync(url + "?" + AsOf);
            Assert.Contains("data-echart=", html, StringComparison.Ordinal);
            Assert.Contains("echarts.min.js", html, StringComparison.Ordinal);
        }
        Assert.Contains("当年本息回收率", await admin.GetStringAsync($"/Ledger/Unit/{erqi}?{AsOf}"), StringComparison.Ordinal);
    }
}
