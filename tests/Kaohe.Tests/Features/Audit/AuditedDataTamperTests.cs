using Kaohe.Data;
using Kaohe.Features.Audit;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Audit;

/// <summary>
/// Issue 22 §3, `audit verify --data`: rows changed, added or removed outside Kaohe, which the chain itself cannot see
/// (its entries are untouched), are found by comparing each row with what the chain last recorded of it, and each
/// ledger snapshot's rows with the count and digest its import recorded.
/// </summary>
public abstract class AuditedDataTamperTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Untouched_DemoData_MatchesTheChain_RowsAndLedgerSnapshots()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var check = await Check(db);
        Assert.True(check.IsClean, string.Join("\n", check.Differences));
        Assert.True(check.RowsChecked > 168);
        var ledger = Assert.Single(check.BulkChecked);
        Assert.Matches(@"^台账快照 \d+ 个，共 [1-9]\d* 行，与导入时记录的行数和摘要核对$", ledger);
    }

    [Fact]
    public async Task UnitRenamedInTheDatabase_IsListed_WithTheField()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SealAndChainTamperTests.TamperAsync(db, "UPDATE \"Units\" SET \"Name\" = '篡改县' WHERE \"Id\" = 5");
        Assert.True((await db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync())).IsIntact); // the chain alone cannot see it
        var check = await Check(db);
        Assert.Equal(["单位（编号 5）：名称与审计链最后记录的不一致"], check.Differences);
    }

    [Fact]
    public async Task RowAddedOrRemovedInTheDatabase_IsListed()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var group = await db.Query(c => c.CityGroups.OrderBy(g => g.Id).FirstAsync());
        await SealAndChainTamperTests.TamperAsync(db, $"""
            INSERT INTO "CityGroups" ("Id", "Name", "Kind", "SortOrder") VALUES (9001, '虚构市', {(int)group.Kind}, 99);
            DELETE FROM "UnitAliases" WHERE "Id" = (SELECT min("Id") FROM "UnitAliases")
            """);
        var check = await Check(db);
        Assert.Contains("分组（编号 9001）：库中有此行，审计链中没有它的新增记录", check.Differences);
        Assert.Contains(check.Differences, d => d.StartsWith("单位别名（编号 ", StringComparison.Ordinal) && d.EndsWith("审计链中有此行，库中没有，也没有删除记录", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneLedgerRowChanged_NamesItsSnapshot()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var snapshot = await db.Query(c => c.Instalments.MinAsync(i => i.SnapshotId));
        await SealAndChainTamperTests.TamperAsync(db, $"UPDATE \"Instalments\" SET \"PaidPrincipalFen\" = \"PaidPrincipalFen\" + 100 WHERE \"SnapshotId\" = {snapshot} AND \"Ordinal\" = 1");
        var check = await Check(db);
        var difference = Assert.Single(check.Differences);
        Assert.StartsWith($"台账快照 {snapshot}（", difference);
        Assert.EndsWith("还款计划）：行数未变，但行的内容与导入时记录的摘要不一致", difference);
    }

    [Fact]
    public async Task LedgerRowsDeletedOrContractChanged_AreFound()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var snapshot = await db.Query(c => c.Instalments.MinAsync(i => i.SnapshotId));
        var rows = await db.Query(c => c.Instalments.CountAsync(i => i.SnapshotId == snapshot));
        var contract = await db.Query(c => c.Contracts.MinAsync(x => x.Id));
        await SealAndChainTamperTests.TamperAsync(db, $"""
            DELETE FROM "Instalments" WHERE "SnapshotId" = {snapshot} AND "Ordinal" = 2;
            UPDATE "Contracts" SET "AmountFen" = "AmountFen" + 1 WHERE "Id" = {contract}
            """);
        var check = await Check(db);
        Assert.Contains(check.Differences, d => d.StartsWith($"台账快照 {snapshot}（", StringComparison.Ordinal) && d.EndsWith($"现有 {rows - 1} 行，导入时为 {rows} 行", StringComparison.Ordinal));
        Assert.Contains(check.Differences, d => d.EndsWith("合同台账）：行数未变，但行的内容与导入时记录的摘要不一致", StringComparison.Ordinal));
    }

    private static Task<DataCheck> Check(TestDatabase db) => db.Run<CheckAuditedData, DataCheck>(h => h.HandleAsync());
}

public sealed class SqliteAuditedDataTamperTests() : AuditedDataTamperTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditedDataTamperTests() : AuditedDataTamperTests(DatabaseProvider.Postgres);
