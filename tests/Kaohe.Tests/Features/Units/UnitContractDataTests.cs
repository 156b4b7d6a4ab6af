using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Units;

/// <summary>How the registry's use cases refuse (the error contract) and whom they show which groups, on SQLite and PostgreSQL.</summary>
public abstract class UnitContractDataTests(DatabaseProvider provider)
{
    private static UnitEdit Jiaxian(int groupId, string name = "郏县", string code = "410425") =>
        new(name, "郟县", "郟县", "县", code, "2018统计用", groupId, null, null, 30, null, true);

    [Fact]
    public async Task Edit_WithANameAndCodeTakenInTheGroup_IsInvalid_NamingBothFields_AndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var unit = await db.Query(c => c.Units.SingleAsync(u => u.DivisionCode == "410425"));
        var refusal = await Assert.ThrowsAsync<KaoheException>(() =>
            db.Run<EditUnit, Unit>(h => h.HandleAsync(unit.Id, Jiaxian(unit.CityGroupId, "宝丰县", "410421"), UserScope.System)));
        Assert.Equal(ErrorKind.Invalid, refusal.Kind);
        Assert.Equal("单位信息有误", refusal.Title);
        Assert.Contains("已有名为“宝丰县”的单位", Assert.Single(refusal.Errors["规范名称"]));
        Assert.Contains("区划代码 410421 已被单位“宝丰县”使用", Assert.Single(refusal.Errors["区划代码"]));
        Assert.Equal("郏县", await db.Query(c => c.Units.Where(u => u.Id == unit.Id).Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task Edit_OfAMissingUnit_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => db.Run<EditUnit, Unit>(h => h.HandleAsync(999_999, Jiaxian(1), UserScope.System)));
        Assert.Equal(ErrorKind.NotFound, refusal.Kind);
    }

    [Fact]
    public async Task Edit_ByACityReviewer_IsForbidden()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var unit = await db.Query(c => c.Units.SingleAsync(u => u.DivisionCode == "410425"));
        var reviewer = new UserScope(1, "r", Role.CityReviewer, null, unit.CityGroupId);
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => db.Run<EditUnit, Unit>(h => h.HandleAsync(unit.Id, Jiaxian(unit.CityGroupId), reviewer)));
        Assert.Equal(ErrorKind.Forbidden, refusal.Kind);
    }

    [Fact]
    public async Task Get_OfAUnitOutsideTheCountysScope_IsNotFound_LikeAMissingOne()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var own = await db.Query(c => c.Units.SingleAsync(u => u.DivisionCode == "410425"));
        var other = await db.Query(c => c.Units.SingleAsync(u => u.DivisionCode == "410103"));
        var county = new UserScope(1, "c", Role.CountyOperator, own.Id, null);
        Assert.Equal("郏县", (await db.Run<GetUnit, Unit>(h => h.HandleAsync(own.Id, county))).Name);
        var refusal = await Assert.ThrowsAsync<KaoheException>(() => db.Run<GetUnit, Unit>(h => h.HandleAsync(other.Id, county)));
        Assert.Equal(ErrorKind.NotFound, refusal.Kind);
    }

    [Fact]
    public async Task Import_IsAuditedAsOneEvent_CountingItsRows()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var csv = Files.Csv("规范名称,单位类型,区划代码,通报分组\n审计新区,开发区（无区划代码）,,郑州市\n", gbk: false);
        await db.Run<ImportUnits, UnitImportResult>(h => h.HandleAsync(Files.Table(csv), UserScope.System));
        var after = await db.Query(c => c.AuditEntries.Where(e => e.EntityType == "Unit" && e.Action == "导入").OrderByDescending(e => e.Id).Select(e => e.After).FirstAsync());
        Assert.Equal("""{"rows":1,"created":1,"updated":0}""", after);
    }

    [Fact]
    public async Task CityGroups_AreAllNineteenForTheProvince_AndOnlyItsOwnForACounty()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var own = await db.Query(c => c.Units.SingleAsync(u => u.DivisionCode == "410425"));
        var all = await db.Run<ListCityGroups, IReadOnlyList<CityGroup>>(h => h.HandleAsync(UserScope.System));
        var county = await db.Run<ListCityGroups, IReadOnlyList<CityGroup>>(h => h.HandleAsync(new UserScope(1, "c", Role.CountyOperator, own.Id, null)));
        Assert.Equal(19, all.Count);
        Assert.Equal(all.OrderBy(g => g.SortOrder).Select(g => g.Id), all.Select(g => g.Id));
        Assert.Equal("平顶山市", Assert.Single(county).Name);
    }
}

public sealed class SqliteUnitContractDataTests() : UnitContractDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresUnitContractDataTests() : UnitContractDataTests(DatabaseProvider.Postgres);
