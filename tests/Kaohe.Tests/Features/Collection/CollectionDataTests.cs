using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Audit;
using Kaohe.Features.Collection;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Collection;

/// <summary>Cases across imports, promises judged by the next import, the trail's tamper check and who may do what: on SQLite and PostgreSQL.</summary>
public abstract class CollectionDataTests(DatabaseProvider provider)
{
    private static readonly string IdA = Id("410122200001010015"), IdB = Id("410122199905050021");

    // 中牟县: 张三 (A) owes 500 of 2024 and 200 due 2025-01-15 paid only on 2025-07-01; 李四 (B) owes 2021 and 2022 in full.
    private static string First() =>
        Header +
        $"中牟县,HT-A-1,{IdA},张三,2024-12-20,900.00,100.00,400.00,100.00,2024-12-20\n" +
        $"中牟县,HT-A-1,{IdA},张三,2025-01-15,200,0,200,0,2025-07-01\n" +
        $"中牟县,HT-B-1,{IdB},李四,2021-12-20,450.00,50.00,0,0,\n" +
        $"中牟县,HT-B-1,{IdB},李四,2022-12-20,480.00,20.00,0.00,0.00,\n";

    // A month later: 李四 paid everything on 2025-07-20; 张三 still owes the 500 of 2024.
    private static string Second() =>
        Header +
        $"中牟县,HT-A-1,{IdA},张三,2024-12-20,900.00,100.00,400.00,100.00,2024-12-20\n" +
        $"中牟县,HT-A-1,{IdA},张三,2025-01-15,200,0,200,0,2025-07-01\n" +
        $"中牟县,HT-B-1,{IdB},李四,2021-12-20,450.00,50.00,450.00,50.00,2025-07-20\n" +
        $"中牟县,HT-B-1,{IdB},李四,2022-12-20,480.00,20.00,480.00,20.00,2025-07-20\n";

    // The next winter: 李四's 2025 instalment is unpaid; 张三 paid up on 2025-09-01.
    private static string Third() =>
        Header +
        $"中牟县,HT-A-1,{IdA},张三,2024-12-20,900.00,100.00,900.00,100.00,2025-09-01\n" +
        $"中牟县,HT-A-1,{IdA},张三,2025-01-15,200,0,200,0,2025-07-01\n" +
        $"中牟县,HT-B-1,{IdB},李四,2021-12-20,450.00,50.00,450.00,50.00,2025-07-20\n" +
        $"中牟县,HT-B-1,{IdB},李四,2022-12-20,480.00,20.00,480.00,20.00,2025-07-20\n" +
        $"中牟县,HT-B-1,{IdB},李四,2025-12-20,480.00,20.00,0,0,\n";

    /// <summary>The same rows, last first: another file (another hash) with the same facts.</summary>
    private static string Reordered(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines[0] + "\n" + string.Join("\n", lines[1..].Reverse()) + "\n";
    }

    private static Task<LedgerImportResult> ImportAsync(TestDatabase db, string csv) =>
        db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Kaohe.Tests.Infrastructure.Files.Csv(csv), "还款计划.csv"), UserScope.System));

    private static Task<List<CollectionCase>> CasesAsync(TestDatabase db) =>
        db.Query(c => c.CollectionCases.Where(x => x.Unit.DivisionCode == "410122").OrderBy(x => x.Id).ToListAsync());

    private static async Task<UserScope> CountyAsync(TestDatabase db, string areaCode = "410122")
    {
        var unit = await db.Query(c => c.Units.Where(u => u.DivisionCode == areaCode).Select(u => new { u.Id, u.CityGroupId }).SingleAsync());
        return new UserScope(900, "county-" + areaCode, Role.CountyOperator, unit.Id, unit.CityGroupId);
    }

    [Fact]
    public async Task Cases_OpenOnTheFirstImport_CloseWhenPaid_ReopenLinked_AndTheSameFileChangesNothing()
    {
        var clock = new TestClock(new DateTime(2025, 6, 30, 9, 0, 0));
        await using var db = await TestDatabase.CreateAsync(provider, clock: clock);

        var first = await ImportAsync(db, First());
        Assert.Equal(2, first.Cases.Opened);
        var cases = await CasesAsync(db);
        var a = cases.Single(c => c.BorrowerName == "张三");
        var b = cases.Single(c => c.BorrowerName == "李四");
        // As of 06-30, A's 200 of 01-15 is not paid yet (paid 07-01): 500 + 200 overdue, all principal, from 2024-12-20.
        Assert.Equal((700_00L, 0L, new DateOnly(2024, 12, 20)), (a.OverduePrincipalFen, a.OverdueInterestFen, a.OldestUnpaidDue));
        Assert.Equal((930_00L, 70_00L, new DateOnly(2021, 12, 20), "HT-B-1"), (b.OverduePrincipalFen, b.OverdueInterestFen, b.OldestUnpaidDue, b.ContractNumbers));
        Assert.Equal(new DateOnly(2025, 6, 30), b.OpenedOn);

        var again = await ImportAsync(db, First());
        Assert.Equal((0, CaseSyncResult.None), (again.UnitsReplaced, again.Cases));
        Assert.Equal(2, (await CasesAsync(db)).Count);

        clock.Set(new DateTime(2025, 8, 1, 9, 0, 0));
        var second = await ImportAsync(db, Second());
        Assert.Equal((0, 1, 1), (second.Cases.Opened, second.Cases.Updated, second.Cases.Closed));
        cases = await CasesAsync(db);
        b = cases.Single(c => c.Id == b.Id);
        Assert.Equal((new DateOnly(2025, 8, 1), CaseCloseReason.Settled, new DateOnly(2025, 7, 20)), (b.ClosedOn!.Value, b.CloseReason!.Value, b.PaidOn!.Value));
        a = cases.Single(c => c.Id == a.Id);
        Assert.True(a.IsOpen);
        Assert.Equal(500_00L, a.OverdueFen); // the 200 was paid on 07-01

        clock.Set(new DateTime(2026, 1, 5, 9, 0, 0));
        var third = await ImportAsync(db, Third());
        Assert.Equal((1, 1), (third.Cases.Opened, third.Cases.Closed));
        cases = await CasesAsync(db);
        Assert.Equal(3, cases.Count);
        var reopened = cases.Single(c => c.IsOpen);
        Assert.Equal(("李四", b.Id, new DateOnly(2025, 12, 20), 500_00L), (reopened.BorrowerName, reopened.PreviousCaseId!.Value, reopened.OldestUnpaidDue, reopened.OverdueFen));
        Assert.Equal(new DateOnly(2025, 9, 1), cases.Single(c => c.Id == a.Id).PaidOn);
        // The superseded snapshots are still there, and so is every case opened from them.
        Assert.Equal(3, await db.Query(c => c.LedgerSnapshots.CountAsync(s => s.Unit.DivisionCode == "410122")));
        Assert.Contains(await db.Query(c => c.AuditEntries.Where(e => e.EntityType == nameof(CollectionCase)).Select(e => e.After).ToListAsync()), after => after!.Contains("\"opened\":1"));
    }

    [Fact]
    public async Task Promises_AreJudgedByTheFirstImportAfterTheirDate_KeptOrBroken_AndBrokenOnesLeadTheQueue()
    {
        var clock = new TestClock(new DateTime(2025, 6, 30, 9, 0, 0));
        await using var db = await TestDatabase.CreateAsync(provider, clock: clock);
        await ImportAsync(db, First());
        var county = await CountyAsync(db);
        var cases = await CasesAsync(db);
        var a = cases.Single(c => c.BorrowerName == "张三");
        var b = cases.Single(c => c.BorrowerName == "李四");
        var promiseA = await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(a.Id,
            new ContactInput(new DateTime(2025, 6, 30, 8, 30, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.Promised, PromisedFen: 700_00, PromisedOn: new DateOnly(2025, 7, 15)), county));
        var promiseB = await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(b.Id,
            new ContactInput(new DateTime(2025, 6, 30, 8, 45, 0), ContactChannel.Phone, ContactParty.CoBorrower, ContactResult.Promised, PromisedFen: 1000_00, PromisedOn: new DateOnly(2025, 7, 31)), county));

        // 07-20: B's promised date (07-31) has not come; A's has (07-15), and A paid 200 on 07-01 only: broken.
        clock.Set(new DateTime(2025, 7, 20, 9, 0, 0));
        var mid = await ImportAsync(db, Reordered(First()));
        Assert.Equal((0, 1), (mid.Cases.PromisesKept, mid.Cases.PromisesBroken));
        var queue = await db.Run<ListCollectionQueue, CollectionQueue>(h => h.HandleAsync(a.UnitId, county));
        Assert.Equal((a.Id, PromiseState.Broken), (queue.Lines[0].CaseId, queue.Lines[0].Promise));
        Assert.Equal(PromiseState.Pending, queue.Lines.Single(l => l.CaseId == b.Id).Promise);
        Assert.Equal(1, queue.Counts[QueueTab.Promises]);

        // 08-01: B paid 1,000 on 07-20, after the promise of 06-30: kept; the case closes too.
        clock.Set(new DateTime(2025, 8, 1, 9, 0, 0));
        var late = await ImportAsync(db, Second());
        Assert.Equal((1, 0), (late.Cases.PromisesKept, late.Cases.PromisesBroken));
        var outcomes = await db.Query(c => c.PromiseOutcomes.ToDictionaryAsync(o => o.ContactRecordId));
        Assert.False(outcomes[promiseA.Id].Kept);
        Assert.Equal((true, 1000_00L), (outcomes[promiseB.Id].Kept, outcomes[promiseB.Id].PaidSinceFen));
        // Recovered within 90 days of a contact (06-30): A's 200 completed 07-01 and B's 1,000 on 07-20; not A's 500 of 2024.
        var summer = await db.Run<CollectionOverview, CollectionOverviewResult>(h =>
            h.HandleAsync(UserScope.System, withRecovery: true, period: new CollectionPeriod(new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 1))));
        var unit = summer.Units.Single(u => u.UnitId == a.UnitId);
        Assert.Equal(1200_00L, unit.RecoveredAfterContactFen);
        Assert.Equal((2, 1, 1), (unit.PromisesMade, unit.PromisesKept, unit.PromisesBroken));
        // The default period, the 30 days up to today (07-03 to 08-01): A's 200 of 07-01 and both promises of 06-30 fall
        // before it; both judgements (A broken on 07-20, B kept on 08-01) within it. B's case is closed at its end.
        var recent = (await db.Run<CollectionOverview, CollectionOverviewResult>(h => h.HandleAsync(UserScope.System, withRecovery: true))).Units.Single(u => u.UnitId == a.UnitId);
        Assert.Equal((1000_00L, 0, 1, 1), (recent.RecoveredAfterContactFen, recent.PromisesMade, recent.PromisesKept, recent.PromisesBroken));
        Assert.Equal(await db.Query(c => c.CollectionCases.CountAsync(x => x.UnitId == a.UnitId && x.ClosedOn == null)), recent.OpenCases);
        // As the period ended on 07-20, both cases were open, both contacted within it (06-30), and A's promise judged broken.
        var july = (await db.Run<CollectionOverview, CollectionOverviewResult>(h =>
            h.HandleAsync(UserScope.System, period: new CollectionPeriod(new DateOnly(2025, 6, 21), new DateOnly(2025, 7, 20))))).Units.Single(u => u.UnitId == a.UnitId);
        Assert.Equal(recent.OpenCases + 1, july.OpenCases);
        Assert.Equal((2, 2, 0, 1), (july.ContactedInPeriod, july.ContactsInPeriod, july.PromisesKept, july.PromisesBroken));
        await Assert.ThrowsAsync<KaoheException>(() => db.Run<CollectionOverview, CollectionOverviewResult>(h =>
            h.HandleAsync(UserScope.System, period: new CollectionPeriod(new DateOnly(2025, 7, 2), new DateOnly(2025, 7, 1)))));

        // A contact after the broken promise takes the case off the top.
        await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(a.Id,
            new ContactInput(new DateTime(2025, 8, 1, 8, 30, 0), ContactChannel.Visit, ContactParty.CoBorrower, ContactResult.Hardship), county));
        queue = await db.Run<ListCollectionQueue, CollectionQueue>(h => h.HandleAsync(a.UnitId, county));
        Assert.Equal(PromiseState.None, queue.Lines.Single(l => l.CaseId == a.Id).Promise);
        var detail = await db.Run<ShowCollectionCase, CaseDetail>(h => h.HandleAsync(a.Id, county));
        Assert.Equal(2, detail.Trail.Count);
        Assert.False(detail.Trail.Single(t => t.Id == promiseA.Id).PromiseKept);
    }

    [Fact]
    public async Task TheTrail_IsChecked_AgainstItsHashesAndTheAuditChain_EditsRemovalsAndSwapsAreFound()
    {
        var clock = new TestClock(new DateTime(2025, 6, 30, 9, 0, 0));
        await using var db = await TestDatabase.CreateAsync(provider, clock: clock);
        await ImportAsync(db, First());
        var county = await CountyAsync(db);
        var cases = await CasesAsync(db);
        var demo = await db.Query(c => c.ContactRecords.CountAsync()); // the demo's trail, in the template database
        var records = new List<ContactRecord>();
        foreach (var (c, n) in cases.SelectMany(c => new[] { (c, 1), (c, 2) }))
            records.Add(await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(c.Id,
                new ContactInput(new DateTime(2025, 6, 29, 8 + n, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.NoAnswer, Notes: $"第{n}次"), county)));
        Task<AuditVerification> Verify() => db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync());
        Assert.True((await Verify()).IsIntact, (await Verify()).Message);
        Assert.Contains($"联系记录 {demo + 4} 条", (await Verify()).Message);

        var id = records[1].Id;
        await db.Query(c => c.Database.ExecuteSqlAsync($"UPDATE \"ContactRecords\" SET \"Notes\" = '已接通' WHERE \"Id\" = {id}"));
        Assert.Contains($"联系记录 {id} 的内容被改动过", (await Verify()).TrailProblem);

        // Edited with its hash recomputed: the chain still holds what was recorded.
        var edited = await db.Query(c => c.ContactRecords.AsNoTracking().SingleAsync(r => r.Id == id));
        var forged = edited.ComputeHash();
        await db.Query(c => c.Database.ExecuteSqlAsync($"UPDATE \"ContactRecords\" SET \"Hash\" = {forged} WHERE \"Id\" = {id}"));
        Assert.Contains($"联系记录 {id} 与审计链中登记时的内容不符", (await Verify()).TrailProblem);
        await db.Query(c => c.Database.ExecuteSqlAsync($"UPDATE \"ContactRecords\" SET \"Notes\" = '第2次', \"Hash\" = {records[1].Hash} WHERE \"Id\" = {id}"));
        Assert.True((await Verify()).IsIntact);

        var last = records[^1].Id;
        await db.Query(c => c.Database.ExecuteSqlAsync($"DELETE FROM \"ContactRecords\" WHERE \"Id\" = {last}"));
        var removed = await Verify();
        Assert.False(removed.IsIntact);
        Assert.Contains($"联系记录 {last} 已登记却不见了", removed.TrailProblem);
    }

    [Fact]
    public async Task EvidenceFiles_AreTypedByTheirBytes_HashedIntoTheRecord_AndASwappedFileIsFound()
    {
        await using var db = await TestDatabase.CreateAsync(provider, clock: new TestClock(new DateTime(2025, 6, 30, 9, 0, 0)));
        await ImportAsync(db, First());
        var county = await CountyAsync(db);
        var c = (await CasesAsync(db))[0];
        var input = new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Visit, ContactParty.CoBorrower, ContactResult.Hardship);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], mp3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 9];
        var refused = await Assert.ThrowsAsync<KaoheException>(() => db.Run<RecordContact, ContactRecord>(h =>
            h.HandleAsync(c.Id, input, county, [new EvidenceUpload("现场.png", png), new EvidenceUpload("照片.jpg", "not a photo"u8.ToArray())])));
        Assert.Equal("“照片.jpg”不是照片（JPG、PNG）、录音（MP3、M4A、AMR、WAV）或 PDF", refused.Errors["佐证材料"].Single());
        Assert.Equal(0, await db.Query(x => x.ContactEvidence.CountAsync()));

        var record = await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(c.Id, input, county, [new EvidenceUpload("../../现场.png", png), new EvidenceUpload("通话.mp3", mp3)]));
        var detail = await db.Run<ShowCollectionCase, CaseDetail>(h => h.HandleAsync(c.Id, county));
        var files = detail.Trail.Single(t => t.Id == record.Id).Evidence;
        Assert.Equal([("现场.png", "image/png"), ("通话.mp3", "audio/mpeg")], files.Select(f => (f.FileName, f.ContentType)));
        Assert.Equal(png, (await db.Run<OpenContactEvidence, ContactEvidence>(h => h.HandleAsync(files[0].Id, county))).Content);
        var other = await CountyAsync(db, "410103");
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<OpenContactEvidence, ContactEvidence>(h => h.HandleAsync(files[0].Id, other)))).Kind);
        Task<AuditVerification> Verify() => db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync());
        Assert.True((await Verify()).IsIntact);

        var swapped = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9 };
        var fileId = files[0].Id;
        await db.Query(x => x.Database.ExecuteSqlAsync($"UPDATE \"ContactEvidence\" SET \"Content\" = {swapped} WHERE \"Id\" = {fileId}"));
        Assert.Contains($"联系记录 {record.Id} 的佐证材料（第 {fileId} 个文件）被改动过", (await Verify()).TrailProblem);
        await db.Query(x => x.Database.ExecuteSqlAsync($"DELETE FROM \"ContactEvidence\" WHERE \"Id\" = {fileId}"));
        Assert.Contains($"联系记录 {record.Id} 的佐证材料与登记时不符", (await Verify()).TrailProblem);
    }

    [Fact]
    public async Task ABadContact_NamesItsField_AndNothingIsWritten_ACorrectionIsANewRecord()
    {
        var clock = new TestClock(new DateTime(2025, 6, 30, 9, 0, 0));
        await using var db = await TestDatabase.CreateAsync(provider, clock: clock);
        await ImportAsync(db, First());
        var county = await CountyAsync(db);
        var c = (await CasesAsync(db))[0];
        async Task<KaoheException> Refused(ContactInput input) =>
            await Assert.ThrowsAsync<KaoheException>(() => db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(c.Id, input, county)));

        var future = await Refused(new ContactInput(new DateTime(2025, 6, 30, 10, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.NoAnswer));
        Assert.Equal((ErrorKind.Invalid, CollectionTexts.InFuture), (future.Kind, future.Errors["联系时间"].Single()));
        var noPromise = await Refused(new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.Promised));
        Assert.Equal(CollectionTexts.PromiseMissing, noPromise.Errors["承诺还款"].Single());
        var early = await Refused(new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.Promised, PromisedFen: 100, PromisedOn: new DateOnly(2025, 6, 1)));
        Assert.Equal(CollectionTexts.PromiseDate, early.Errors["承诺还款日期"].Single());
        Assert.Equal(0, await db.Query(x => x.ContactRecords.CountAsync(r => r.CaseId == c.Id)));

        var wrong = await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(c.Id,
            new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.Refused), county));
        var fix = await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(c.Id,
            new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Phone, ContactParty.CoBorrower, ContactResult.Hardship, Notes: "误记为本人拒绝", CorrectsId: wrong.Id), county));
        var twice = await Refused(new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.NoAnswer, CorrectsId: wrong.Id));
        Assert.Equal(CollectionTexts.CorrectsTwice, twice.Errors["更正记录"].Single());
        var detail = await db.Run<ShowCollectionCase, CaseDetail>(h => h.HandleAsync(c.Id, county));
        Assert.Equal(fix.Id, detail.Trail.Single(t => t.Id == wrong.Id).CorrectedById);
        Assert.Equal(ContactResult.Refused, detail.Trail.Single(t => t.Id == wrong.Id).Result); // the corrected record stays as it was
        Assert.Equal(ContactResult.Hardship, detail.Case.LastResult);
    }

    [Fact]
    public async Task TheAssessmentsIndicators_OfRecordKeeping_ComeFromCasesContactsAndPromises()
    {
        var clock = new TestClock(new DateTime(2025, 6, 30, 9, 0, 0));
        await using var db = await TestDatabase.CreateAsync(provider, clock: clock);
        await ImportAsync(db, First());
        var county = await CountyAsync(db);
        var a = (await CasesAsync(db)).Single(c => c.BorrowerName == "张三");
        await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(a.Id,
            new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.Promised, PromisedFen: 700_00, PromisedOn: new DateOnly(2025, 7, 15)), county));
        clock.Set(new DateTime(2025, 8, 1, 9, 0, 0));
        await ImportAsync(db, Second()); // 李四 paid up: closed; 张三 paid 200 of the 700 promised: broken

        var values = (await db.Run<ComputeLedgerIndicators, LedgerIndicators>(h => h.HandleAsync(a.UnitId, 2025, UserScope.System)))!;
        Assert.Equal(new DateOnly(2025, 8, 1), values.AsOf);
        Assert.Equal((50m, "1 ÷ 2 = 50.00%"), (values[CollectionIndicators.ContactedWithin30Days]!.Value, values[CollectionIndicators.ContactedWithin30Days]!.Numbers));
        Assert.Equal(0m, values[CollectionIndicators.PromiseKept]!.Value);
        Assert.Equal(0m, values[CollectionIndicators.NeverContacted]!.Value); // 李四, never contacted, closed on D
    }

    [Fact]
    public async Task TheCallList_RoundTrips_FilledRowsBecomeRecords_AndABadRowRejectsTheWholeFile_NamingRowAndColumn()
    {
        var clock = new TestClock(new DateTime(2025, 6, 30, 9, 0, 0));
        await using var db = await TestDatabase.CreateAsync(provider, clock: clock);
        await ImportAsync(db, First());
        var county = await CountyAsync(db);
        var cases = await CasesAsync(db);
        var (a, b) = (cases.Single(c => c.BorrowerName == "张三"), cases.Single(c => c.BorrowerName == "李四"));

        var (csv, name) = await db.Run<ExportCallList, (byte[], string)>(h => h.HandleAsync(a.UnitId, county, Kaohe.Common.Tabular.TableFormat.Csv));
        Assert.Equal("中牟县电话催收清单-20250630.csv", name);
        var lines = System.Text.Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal("案件编号,借款人,合同编号,逾期本息（元）,逾期天数,账龄,联系次数,最近联系,承诺还款,联系时间,联系方式,联系对象,联系结果,承诺金额（元）,承诺还款日期,备注,下一步工作,下一步日期", lines[0]);
        Assert.Equal(3, lines.Count);
        string Fill(string line, string block) => string.Join(",", line.Split(',').Take(9)) + "," + block; // the 9 columns before the result block
        var rowA = lines.FindIndex(l => l.StartsWith($"{a.Id},", StringComparison.Ordinal));
        var filled = lines.ToList();
        filled[rowA] = Fill(lines[rowA], "2025-06-30 08:00,电话,借款学生,已接通-承诺还款,700,2025-07-15,本人承诺,核实还款,2025-07-16");

        // Bad rows: every fault named by its row (Excel's numbering, header = 1) and column, and nothing written.
        var bad = filled.ToList();
        var rowB = lines.FindIndex(l => l.StartsWith($"{b.Id},", StringComparison.Ordinal));
        bad[rowB] = Fill(lines[rowB], "2025-06-30 10:00,电话,借款学生,无人接听,,,,,");
        bad.Add("999999,某人,X,0,0,,0,,," + "2025-06-29 08:00,打电话,借款学生,无人接听,,,,,");
        bad.Add(bad[rowA]);
        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() =>
            db.Run<ImportCallList, CallListImportResult>(h => h.HandleAsync(new MemoryStream(Kaohe.Tests.Infrastructure.Files.Csv(string.Join("\n", bad))), "清单.csv", county)));
        var messages = rejected.ImportErrors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith($"第 {bad.Count - 1} 行“联系方式”列：“打电话”不是可选的值", StringComparison.Ordinal));
        Assert.Contains(messages, m => m == $"第 {rowB + 1} 行“联系时间”列：{CollectionTexts.InFuture}");
        Assert.Contains(messages, m => m.StartsWith($"第 {bad.Count - 1} 行“案件编号”列：“999999”不是您范围内的催收案件编号", StringComparison.Ordinal));
        Assert.Contains(messages, m => m == $"第 {bad.Count} 行“联系时间”列：与第 {rowA + 1} 行重复（同一案件、同一时间、同一结果）");
        Assert.Equal(0, await db.Query(c => c.ContactRecords.CountAsync(r => r.UnitId == a.UnitId)));

        // The good file in GBK: one record, the empty row skipped; the XLSX offers the catalogue as drop-downs.
        var result = await db.Run<ImportCallList, CallListImportResult>(h => h.HandleAsync(new MemoryStream(Kaohe.Tests.Infrastructure.Files.Csv(string.Join("\n", filled), gbk: true)), "清单.csv", county));
        Assert.Equal((1, 1), (result.Records, result.RowsLeftEmpty));
        var record = await db.Query(c => c.ContactRecords.SingleAsync(r => r.CaseId == a.Id));
        Assert.Equal((ContactResult.Promised, 700_00L, new DateOnly(2025, 7, 15), "本人承诺"), (record.Result, record.PromisedFen!.Value, record.PromisedOn!.Value, record.Notes));
        Assert.Equal(new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc), record.ContactedAtUtc); // 08:00 Beijing
        Assert.True((await db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync())).IsIntact);

        var (xlsx, _) = await db.Run<ExportCallList, (byte[], string)>(h => h.HandleAsync(a.UnitId, county, Kaohe.Common.Tabular.TableFormat.Xlsx));
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var lists = book.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>()
            .ToDictionary(v => v.SequenceOfReferences!.InnerText ?? "", v => v.Formula1!.Text ?? "");
        Assert.Equal("\"电话,短信,上门,信函,微信,经由联络人,经由高校\"", lists["K2:K3"]);
        Assert.Contains("已接通-承诺还款", lists["M2:M3"]);
    }

    [Fact]
    public async Task TheCallList_HoldsTheWholeTab_NotOnePage()
    {
        await using var db = await TestDatabase.CreateAsync(provider, clock: new TestClock(new DateTime(2025, 6, 30, 9, 0, 0)));
        var n = ListCollectionQueue.MaxPageSize + 20;
        var rows = Enumerable.Range(1, n).Select(k => $"中牟县,HT-{k},{Id($"4101221999{k / 28 % 12 + 1:D2}{k % 28 + 1:D2}{k % 1000:D3}")},借款人{k},2021-12-20,450.00,50.00,0,0,\n");
        await ImportAsync(db, Header + string.Concat(rows));
        var county = await CountyAsync(db);
        var (csv, _) = await db.Run<ExportCallList, (byte[], string)>(h => h.HandleAsync(county.UnitId!.Value, county, Kaohe.Common.Tabular.TableFormat.Csv));
        Assert.Equal(n + 1, System.Text.Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var page = await db.Run<ListCollectionQueue, CollectionQueue>(h => h.HandleAsync(county.UnitId!.Value, county, pageSize: 10_000));
        Assert.Equal((ListCollectionQueue.MaxPageSize, n, 2), (page.Lines.Count, page.Total, page.Pages));
    }

    [Fact]
    public async Task AnExpert_ReadsAReproducibleSampleOfAnAssignedUnitsCases_AndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider, clock: new TestClock(new DateTime(2025, 6, 30, 9, 0, 0)));
        var rows = Enumerable.Range(1, 14).Select(k => $"中牟县,HT-{k},{Id($"41012219990505{k:D3}")},借款人{k},2021-12-20,450.00,50.00,0,0,\n");
        await ImportAsync(db, Header + string.Concat(rows));
        var cases = await CasesAsync(db);
        Assert.Equal(14, cases.Count);
        var account = await db.Query(c => c.Users.SingleAsync(u => u.UserName == "expert"));
        var campaign = await db.Query(c => c.Campaigns.Where(x => x.Status != Kaohe.Domain.Assessment.CampaignStatus.Sealed).Select(x => x.Id).FirstAsync());
        await db.Query(c =>
        {
            c.ExpertAssignments.Add(new Kaohe.Domain.Assessment.ExpertAssignment { CampaignId = campaign, ExpertUserId = account.Id, UnitId = cases[0].UnitId });
            return c.SaveChangesAsync();
        });
        var expert = Kaohe.Features.Accounts.SignIn.ScopeOf(account);

        var first = await db.Run<ListCollectionQueue, CollectionQueue>(h => h.HandleAsync(cases[0].UnitId, expert));
        Assert.Equal((CollectionAccess.SampleSize, false), (first.Total, first.MayRecord));
        var again = await db.Run<ListCollectionQueue, CollectionQueue>(h => h.HandleAsync(cases[0].UnitId, expert));
        Assert.Equal(first.Lines.Select(l => l.CaseId).Order(), again.Lines.Select(l => l.CaseId).Order());
        var sampled = first.Lines[0].CaseId;
        var left = cases.Select(c => c.Id).Except(first.Lines.Select(l => l.CaseId)).First();
        Assert.Equal(sampled, (await db.Run<ShowCollectionCase, CaseDetail>(h => h.HandleAsync(sampled, expert))).Case.CaseId);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<ShowCollectionCase, CaseDetail>(h => h.HandleAsync(left, expert)))).Kind);
        var input = new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Visit, ContactParty.Borrower, ContactResult.Hardship);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(sampled, input, expert)))).Kind);
    }

    [Fact]
    public async Task Scope_CountyWritesItsOwn_CityAndProvinceRead_TheBankSeesNoCase_AnExpertNoneUnassigned()
    {
        var clock = new TestClock(new DateTime(2025, 6, 30, 9, 0, 0));
        await using var db = await TestDatabase.CreateAsync(provider, clock: clock);
        await ImportAsync(db, First());
        var c = (await CasesAsync(db))[0];
        var own = await CountyAsync(db);
        var other = await CountyAsync(db, "410103");
        var city = own with { Role = Role.CityReviewer, UnitId = null };
        var otherCity = city with { CityGroupId = await db.Query(x => x.Units.Where(u => u.DivisionCode == "410303").Select(u => u.CityGroupId).SingleAsync()) };
        var bank = new UserScope(901, "bank", Role.Observer, null, null);
        var expert = new UserScope(902, "expert", Role.Expert, null, null);
        var input = new ContactInput(new DateTime(2025, 6, 30, 8, 0, 0), ContactChannel.Phone, ContactParty.Borrower, ContactResult.NoAnswer);

        async Task<ErrorKind?> Show(UserScope s)
        {
            try { await db.Run<ShowCollectionCase, CaseDetail>(h => h.HandleAsync(c.Id, s)); return null; }
            catch (KaoheException e) { return e.Kind; }
        }
        async Task<ErrorKind?> Record(UserScope s)
        {
            try { await db.Run<RecordContact, ContactRecord>(h => h.HandleAsync(c.Id, input, s)); return null; }
            catch (KaoheException e) { return e.Kind; }
        }
        Assert.Equal<ErrorKind?[]>([null, null, null, ErrorKind.NotFound, ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.NotFound],
            [await Show(own), await Show(city), await Show(UserScope.System), await Show(other), await Show(otherCity), await Show(bank), await Show(expert)]);
        Assert.Equal<ErrorKind?[]>([ErrorKind.Forbidden, ErrorKind.Forbidden, ErrorKind.NotFound, null],
            [await Record(city), await Record(UserScope.System), await Record(other), await Record(own)]);
        Assert.False((await db.Run<ListCollectionQueue, CollectionQueue>(h => h.HandleAsync(c.UnitId, city))).MayRecord);
        Assert.True((await db.Run<ListCollectionQueue, CollectionQueue>(h => h.HandleAsync(c.UnitId, own))).MayRecord);
    }
}

public sealed class SqliteCollectionDataTests() : CollectionDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresCollectionDataTests() : CollectionDataTests(DatabaseProvider.Postgres);
