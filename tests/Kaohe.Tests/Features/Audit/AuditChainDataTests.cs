using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Audit;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Audit;

public abstract class AuditChainDataTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Verify_OnUntouchedTrail_IsIntact()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var result = await db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync());
        Assert.True(result.IsIntact, result.Message);
        Assert.True(result.EntriesChecked > 168);
    }

    [Fact]
    public async Task Edit_IsAudited_WithWhoBeforeAndAfter()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await db.Query(c => c.Units.Where(u => u.DivisionCode == "410425").Select(u => u.Id).SingleAsync());
        var edit = new UnitEdit("郏县", "郟县", "郟县", "县", "410425", "2018统计用", await db.Query(c => c.Units.Where(u => u.Id == id).Select(u => u.CityGroupId).SingleAsync()),
            null, null, 30, "通报误作郟县", true);
        var unit = await db.Run<EditUnit, Kaohe.Domain.Units.Unit>(h => h.HandleAsync(id, edit, UserScope.System), actor: "admin");
        Assert.Equal(id, unit.Id);
        var entry = await db.Query(c => c.AuditEntries.Where(e => e.EntityType == "Unit" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "修改").SingleAsync());
        Assert.Equal("admin", entry.Actor);
        Assert.Equal(id, entry.UnitId);
        Assert.Contains("\"Note\":null", entry.Before);
        Assert.Contains("通报误作郟县", entry.After);
    }

    [Fact]
    public async Task Describe_AUnitsCreation_HasNoBefore_AndReadsWithChineseLabels_AndItsTypeByName()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var entry = await db.Query(c => c.AuditEntries.Where(e => e.EntityType == "Unit" && e.Action == "新增").OrderBy(e => e.Id).FirstAsync());
        var (before, after) = await db.Run<DescribeAuditEntry, (IReadOnlyList<AuditField> Before, IReadOnlyList<AuditField> After)>(h => Task.FromResult(h.Handle(entry)));
        Assert.Empty(before);
        Assert.Contains(after, f => f.Label == "名称");
        var type = Assert.Single(after, f => f.Label == "类型");
        Assert.False(int.TryParse(type.Value, out _), type.Value);
    }

    [Fact]
    public async Task Verify_RowChangedBehindTheAppsBack_NamesThatEntry()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var target = await db.Query(c => c.AuditEntries.OrderBy(e => e.Id).Skip(40).Select(e => e.Id).FirstAsync());
        await SealAndChainTamperTests.TamperAsync(db, $"UPDATE \"AuditEntries\" SET \"Actor\" = 'mallory' WHERE \"Id\" = {target}");
        var result = await db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync());
        Assert.Equal(target, result.FirstBrokenId);
        Assert.Contains($"第 {target} 条", result.Message);
    }

    [Fact]
    public async Task Verify_RowRemoved_NamesTheEntryAfterTheGap()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await db.Query(c => c.AuditEntries.OrderBy(e => e.Id).Skip(10).Take(2).Select(e => e.Id).ToListAsync());
        await SealAndChainTamperTests.TamperAsync(db, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[0]}");
        var result = await db.Run<VerifyAuditChain, AuditVerification>(h => h.HandleAsync());
        Assert.Equal(ids[1], result.FirstBrokenId);
    }
}

public sealed class SqliteAuditChainDataTests() : AuditChainDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditChainDataTests() : AuditChainDataTests(DatabaseProvider.Postgres);
