using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>What the bulk import stores, row for row, on SQLite and PostgreSQL; and that rows only ever belong to their unit's snapshots.</summary>
public abstract class LedgerImportDataTests(DatabaseProvider provider)
{
    private static string Line(int ordinal, string contract, string name, long key, DateOnly due, long dp, long di, long pp, long pi, DateOnly? paid) =>
        string.Join('|', ordinal, contract, name, key, due.DayNumber, dp, di, pp, pi, paid?.DayNumber);

    /// <summary>Every stored row of a snapshot by its place in the file: contract, name, key, due date, the four amounts, paid date.</summary>
    private static async Task<List<string>> StoredAsync(TestDatabase db, int snapshot)
    {
        var rows = await db.Query(c => c.Instalments.Where(i => i.SnapshotId == snapshot).OrderBy(i => i.Ordinal).ToListAsync());
        return rows.Select(i => Line(i.Ordinal, i.ContractNumber, i.BorrowerName, i.BorrowerKey, i.DueDate,
            i.DuePrincipalFen, i.DueInterestFen, i.PaidPrincipalFen, i.PaidInterestFen, i.PaidDate)).ToList();
    }

    /// <summary>The same from the file's lines of one unit, in file order.</summary>
    private static async Task<List<string>> ExpectedAsync(TestDatabase db, IEnumerable<string> lines)
    {
        var protector = await db.Run<PersonalDataProtector, PersonalDataProtector>(p => Task.FromResult(p));
        static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return lines.Select((line, k) =>
        {
            var f = line.Split(',');
            return Line(k + 1, f[1], f[3], protector.BorrowerKey(f[2]), Day(f[4]), Yuan.ParseFen(f[5]), Yuan.ParseFen(f[6]), Yuan.ParseFen(f[7]), Yuan.ParseFen(f[8]),
                f[9].Length == 0 ? null : Day(f[9]));
        }).ToList();
    }

    private static Task<int> CurrentSnapshotAsync(TestDatabase db, string areaCode) => db.Query(c => c.LedgerSnapshots
        .Where(s => s.Unit.DivisionCode == areaCode && s.Kind == LedgerKind.Instalments && s.SupersededAtUtc == null).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task LargeFile_ReadInPartsAndWrittenInChunks_StoresEveryRowOnce_NumberedInFileOrder()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Skip(20).Take(2).ToList();
        // 150,000 rows: a 15 MB file (read in parts), over 65,536 rows per unit (more than one chunk each).
        var files = LedgerGenerator.Generate(TestFolders.Create("kaohe-bulk-"), 150_000, 3, units, new DateOnly(2025, 12, 31));
        var result = await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(files.InstalmentsPath, UserScope.System));
        Assert.Equal((150_000L, 2), (result.Rows, result.UnitsReplaced));
        var lines = File.ReadLines(files.InstalmentsPath).Skip(1).ToList();
        foreach (var unit in units)
        {
            var snapshot = await CurrentSnapshotAsync(db, unit.AreaCode);
            var mine = lines.Where(l => l.StartsWith(unit.Name + ",", StringComparison.Ordinal)).ToList();
            Assert.True(mine.Count > InstalmentChunk.Capacity);
            Assert.Equal(mine.Count, await db.Query(c => c.LedgerSnapshots.Where(s => s.Id == snapshot).Select(s => s.RowCount).SingleAsync()));
            Assert.Equal(await ExpectedAsync(db, mine), await StoredAsync(db, snapshot));
        }
    }

    [Fact]
    public async Task AUnitsRowsInTwoPlacesOfTheFile_AreNumberedInFileOrder()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var rows = Instalments().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        var zhongmu = rows.Where(r => !r.StartsWith("登封市", StringComparison.Ordinal)).Select(r => r.Replace("410122,", "中牟县,", StringComparison.Ordinal)).ToList();
        var dengfeng = rows.Single(r => r.StartsWith("登封市", StringComparison.Ordinal));
        var mixed = Header + string.Join('\n', zhongmu.Take(3).Append(dengfeng).Concat(zhongmu.Skip(3))) + "\n";
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(mixed), "还款计划.csv"), UserScope.System));
        Assert.Equal(await ExpectedAsync(db, zhongmu), await StoredAsync(db, await CurrentSnapshotAsync(db, "410122")));
    }

    [Fact]
    public async Task TextTooLongForItsColumn_OrNotDecodable_IsARowError_AndNothingIsWritten()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // 1,000 good rows (over the 64 KB from which the encoding is chosen: UTF-8), then two bad ones.
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Take(1).ToList();
        var generated = LedgerGenerator.Generate(TestFolders.Create("kaohe-text-"), 1_000, 5, units, new DateOnly(2025, 12, 31));
        var good = File.ReadAllBytes(generated.InstalmentsPath);
        var unit = units[0].Name;
        var longContract = $"{unit},{new string('H', LedgerLimits.ContractNumber + 1)},{Id("410122200001010015")},张三,2024-12-20,1,0,0,0,\n";
        byte[] cutName = [.. System.Text.Encoding.UTF8.GetBytes($"{unit},HT-CUT,{Id("410122199905050021")},"), 0xE5, 0xBC,
            .. System.Text.Encoding.UTF8.GetBytes(",2024-12-20,1,0,0,0,\n")];   // 张 without its last byte
        var path = Write([.. good, .. System.Text.Encoding.UTF8.GetBytes(longContract), .. cutName], "还款计划-文字.csv");
        var before = await db.Query(q => q.LedgerSnapshots.CountAsync()); // the demo ledger
        var e = await Assert.ThrowsAsync<ImportRejectedException>(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System)));
        Assert.Equal(["第 1002 行“合同编号”列：不能超过 40 个字", "第 1003 行“借款人姓名”列：含有无法识别的字符（文件应为 UTF-8 或 GBK 编码）"],
            e.ImportErrors.Select(x => x.ToString()));

        var university = new string('学', LedgerLimits.University + 1);
        var contracts = ContractHeader + $"中牟县,K9,2024,{Id("410122200301010011")},甲,,,,{university},4,2021,8000,正常,,\n";
        var c = await Assert.ThrowsAsync<ImportRejectedException>(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(contracts), "合同台账.csv"), UserScope.System)));
        Assert.Equal(["第 2 行“就读高校”列：不能超过 100 个字"], c.ImportErrors.Select(x => x.ToString()));
        Assert.Equal(before, await db.Query(q => q.LedgerSnapshots.CountAsync()));
    }

    [Fact]
    public async Task AFileChangedBetweenTheCheckAndTheWrite_IsRejected_AndNothingIsWritten()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Take(1).ToList();
        // 70,000 rows: the check reports progress after 65,536 of them, when row 2 is long read and hashed.
        var path = LedgerGenerator.Generate(TestFolders.Create("kaohe-change-"), 70_000, 6, units, new DateOnly(2025, 12, 31)).InstalmentsPath;
        var before = await db.Query(async c => (await c.LedgerSnapshots.CountAsync(), await c.Instalments.CountAsync())); // the demo ledger
        var changed = false;
        void ChangeRow2(long _)
        {
            if (changed) return;
            changed = true;
            var bytes = File.ReadAllBytes(path);
            var at = Array.IndexOf(bytes, (byte)',', Array.IndexOf(bytes, (byte)',', Array.IndexOf(bytes, (byte)'\n') + 1) + 1) - 1; // last character of row 2's 合同编号
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite); // in place: the check is still reading
            file.Position = at;
            file.WriteByte((byte)(bytes[at] == (byte)'9' ? '8' : bytes[at] + 1));
        }
        var e = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System, ChangeRow2)));
        Assert.True(changed);
        Assert.Equal((ErrorKind.Conflict, LedgerTexts.FileChanged), (e.Kind, e.Detail));
        Assert.Equal(before, await db.Query(async c => (await c.LedgerSnapshots.CountAsync(), await c.Instalments.CountAsync())));
    }

    [Fact]
    public async Task Rows_OnlyEverBelongToASnapshotOfTheirUnit_AndEachSnapshotCountsItsRows()
    {
        // The row tables have no foreign key to their snapshot (docs/benchmarks.md): this is the rule that stands in for it.
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = Write(Files.Csv(Instalments()), "还款计划-1.csv");
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(first, UserScope.System));
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(first, UserScope.System));
        var bad = Write(Files.Csv(Instalments() + "不存在县,HT-X,410122200001010015,张三,2024-12-20,1,0,0,0,\n"), "还款计划-坏.csv");
        await Assert.ThrowsAsync<ImportRejectedException>(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(bad, UserScope.System)));
        var newer = Header + $"中牟县,HT-B-1,{Id("410122199905050021")},李四,2021-12-20,450.00,50.00,450.00,50.00,2025-03-01\n";
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(newer), "还款计划-2.csv"), UserScope.System));
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(Contracts(), bom: true), "合同台账.csv"), UserScope.System));

        var strays = await db.Query(async c => (
            await c.Instalments.CountAsync(i => !c.LedgerSnapshots.Any(s => s.Id == i.SnapshotId && s.UnitId == i.UnitId && s.Kind == LedgerKind.Instalments)),
            await c.Contracts.CountAsync(x => !c.LedgerSnapshots.Any(s => s.Id == x.SnapshotId && s.UnitId == x.UnitId && s.Kind == LedgerKind.Contracts))));
        Assert.Equal((0, 0), strays);
        var counts = await db.Query(c => c.LedgerSnapshots
            .Select(s => new { s.RowCount, Stored = c.Instalments.Count(i => i.SnapshotId == s.Id) + c.Contracts.Count(x => x.SnapshotId == s.Id) }).ToListAsync());
        Assert.True(counts.Count >= 4);
        Assert.All(counts, x => Assert.Equal(x.RowCount, x.Stored));
    }

    [Fact]
    public async Task BorrowerPages_AfterANewerExport_ShowTheUnitsCurrentRowsOnly()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(Instalments()), "还款计划-1.csv"), UserScope.System));
        var newer = Header + $"中牟县,HT-B-1,{Id("410122199905050021")},李四,2021-12-20,450.00,50.00,450.00,50.00,2025-03-01\n";
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(newer), "还款计划-2.csv"), UserScope.System));
        var zhongmu = await db.Query(c => c.Units.Where(u => u.Name == "中牟县").Select(u => u.Id).SingleAsync());
        var dengfeng = await db.Query(c => c.Units.Where(u => u.Name == "登封市").Select(u => u.Id).SingleAsync());

        var list = await db.Run<ListBorrowers, BorrowerList>(h => h.HandleAsync(zhongmu, AsOf, UserScope.System));
        Assert.Equal(["李四"], list.Borrowers.Select(b => b.Name));
        Assert.Equal(["HT-B-1"], list.Borrowers[0].Contracts);
        Assert.Equal(["赵六"], (await db.Run<ListBorrowers, BorrowerList>(h => h.HandleAsync(dengfeng, AsOf, UserScope.System))).Borrowers.Select(b => b.Name));

        var keyA = await db.Run<PersonalDataProtector, long>(p => Task.FromResult(p.BorrowerKey(Id("410122200001010015"))));
        var keyB = list.Borrowers[0].Key;
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<ShowBorrower, BorrowerDetail>(h => h.HandleAsync(zhongmu, keyA, AsOf, false, UserScope.System)))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => db.Run<ShowBorrower, BorrowerDetail>(h => h.HandleAsync(dengfeng, keyB, AsOf, false, UserScope.System)))).Kind);
        var b = await db.Run<ShowBorrower, BorrowerDetail>(h => h.HandleAsync(zhongmu, keyB, AsOf, false, UserScope.System));
        Assert.Equal((1, 0L), (b.Instalments.Count, b.Position.OverdueFen));
    }
}

public sealed class SqliteLedgerImportDataTests() : LedgerImportDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresLedgerImportDataTests() : LedgerImportDataTests(DatabaseProvider.Postgres);
