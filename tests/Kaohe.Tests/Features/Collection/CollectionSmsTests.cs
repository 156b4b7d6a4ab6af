using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Collection;
using Kaohe.Features.Collection;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Collection;

/// <summary>催收短信 through a real HTTP platform started by the test (accepting, refusing, hanging), and as a batch file.</summary>
public sealed class CollectionSmsTests
{
    private static readonly string IdA = Id("410122200001010015"), IdB = Id("410122199905050021");

    private static string Instalments() =>
        Header +
        $"中牟县,HT-A-1,{IdA},张三,2024-12-20,900.00,100.00,400.00,100.00,2024-12-20\n" +
        $"中牟县,HT-B-1,{IdB},李四,2021-12-20,450.00,50.00,0,0,\n";

    private static string Contracts() =>
        ContractHeader +
        $"中牟县,HT-A-1,2020,{IdA},张三,张父,,13800000001,郑州大学,4,2020,8000,正常,2020-10-09,2024-06-01\n" +
        $"中牟县,HT-B-1,2017,{IdB},李四,,,13900000002,河南大学,4,2017,8000,正常,2017-10-09,2021-06-01\n";

    private const string Template = "{姓名}同学：您的生源地信用助学贷款已逾期{逾期天数}天，逾期本息{逾期金额}，请尽快还款。{单位}学生资助管理中心";

    private static async Task<(TestDatabase Db, UserScope County, int Unit)> SetUpAsync(LocalSmsPlatform platform, int timeoutSeconds = 1)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kaohe:Sms:Url"] = platform.Url, ["Kaohe:Sms:Token"] = "t0ken", ["Kaohe:Sms:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, clock: new TestClock(new DateTime(2025, 6, 30, 9, 0, 0)),
            configure: s => s.AddSingleton<ISmsGateway>(new HttpSmsGateway(config)));
        foreach (var (csv, name) in new[] { (Instalments(), "还款计划.csv"), (Contracts(), "合同台账.csv") })
            await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Kaohe.Tests.Infrastructure.Files.Csv(csv), name), UserScope.System));
        var unit = await db.Query(c => c.Units.Where(u => u.DivisionCode == "410122").Select(u => new { u.Id, u.CityGroupId }).SingleAsync());
        return (db, new UserScope(900, "zhongmu", Role.CountyOperator, unit.Id, unit.CityGroupId), unit.Id);
    }

    [Fact]
    public async Task ThePlatformAccepts_EachMessageIsARecordWithItsStatus_AndNoTextCarriesAnIdNumber()
    {
        await using var platform = await LocalSmsPlatform.StartAsync();
        var (db, county, unit) = await SetUpAsync(platform);
        await using var _ = db;
        var result = await db.Run<SendReminders, SmsResult>(h => h.HandleAsync(unit, Template, county));
        Assert.Equal((2, 0, 0), (result.Sent, result.NotSent, result.WithoutPhone));
        var received = platform.Received.ToList();
        Assert.Equal(["13800000001", "13900000002"], received.Select(r => r.Phone).Order());
        Assert.All(received, r => Assert.Equal("Bearer t0ken", r.Authorization));
        var li = received.Single(r => r.Phone == "13900000002").Text;
        Assert.Equal("李四同学：您的生源地信用助学贷款已逾期1288天，逾期本息500.00元，请尽快还款。中牟县学生资助管理中心", li);
        Assert.All(received, r => Assert.DoesNotContain(IdB[..14], r.Text));
        var records = await db.Query(c => c.ContactRecords.Where(r => r.UnitId == unit).ToListAsync());
        Assert.All(records, r => Assert.Equal((ContactChannel.Sms, ContactResult.SmsSent), (r.Channel, r.Result)));
        Assert.Contains(records, r => r.Notes!.Contains("（m-", StringComparison.Ordinal));
        Assert.Equal("138****0001", result.Lines.Single(l => l.BorrowerName == "张三").Phone);
    }

    [Fact]
    public async Task ThePlatformRefusesOrHangs_TheMessagesAreRecordedAsNotSent_WithThePlatformsWords()
    {
        await using var platform = await LocalSmsPlatform.StartAsync();
        var (db, county, unit) = await SetUpAsync(platform);
        await using var _ = db;
        platform.Answer = LocalSmsPlatform.Mode.Refuse;
        var refused = await db.Run<SendReminders, SmsResult>(h => h.HandleAsync(unit, Template, county));
        Assert.Equal((0, 2), (refused.Sent, refused.NotSent));
        Assert.All(refused.Lines, l => Assert.Equal((SmsOutcome.Refused, "短信平台拒绝（HTTP 402）：余额不足"), (l.Outcome, l.Detail)));

        platform.Answer = LocalSmsPlatform.Mode.Hang;
        var hung = await db.Run<SendReminders, SmsResult>(h => h.HandleAsync(unit, Template, county, QueueTab.All));
        Assert.All(hung.Lines, l => Assert.Equal((SmsOutcome.TimedOut, "短信平台 1 秒内未应答"), (l.Outcome, l.Detail)));
        var results = await db.Query(c => c.ContactRecords.Where(r => r.UnitId == unit).Select(r => r.Result).ToListAsync());
        Assert.Equal(4, results.Count(r => r == ContactResult.SmsFailed));
    }

    [Fact]
    public async Task TheBatchFile_HoldsClearPhones_IsAuditedAsAnUnmaskedExport_AndABadTemplateIsRefused()
    {
        await using var platform = await LocalSmsPlatform.StartAsync();
        var (db, county, unit) = await SetUpAsync(platform);
        await using var _ = db;
        var bad = await Assert.ThrowsAsync<KaoheException>(() => db.Run<SendReminders, SmsResult>(h => h.HandleAsync(unit, "{姓名}，身份证{身份证号}", county)));
        Assert.Contains("不认识的占位符 {身份证号}", bad.Errors["短信模板"].Single());
        Assert.Equal(CollectionTexts.SmsClosed, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<SendReminders, SmsResult>(h => h.HandleAsync(unit, Template, county, QueueTab.Closed)))).Title);
        var city = county with { Role = Role.CityReviewer, UnitId = null };
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<SendReminders, SmsResult>(h => h.HandleAsync(unit, Template, city)))).Kind);

        var (file, name, count) = await db.Run<ExportReminderBatch, (byte[], string, int)>(h => h.HandleAsync(unit, Template, county, Kaohe.Common.Tabular.TableFormat.Csv));
        Assert.Equal((2, "中牟县催收短信-20250630.csv"), (count, name));
        var text = System.Text.Encoding.UTF8.GetString(file);
        Assert.Contains("13800000001,张三同学：", text);
        Assert.Empty(platform.Received);
        var audit = await db.Query(c => c.AuditEntries.Where(e => e.Action == AuditActions.Unmask).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(("催收短信批量文件", unit), (audit.EntityType, audit.UnitId!.Value));
        Assert.Contains("共 2 人", audit.After);
        Assert.Equal(2, await db.Query(c => c.ContactRecords.CountAsync(r => r.UnitId == unit && r.Result == ContactResult.SmsHandedOver)));
    }
}
