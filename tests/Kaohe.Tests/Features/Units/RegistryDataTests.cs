using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Units;

/// <summary>The registry's data behaviour, run once on SQLite and once on PostgreSQL.</summary>
public abstract class RegistryDataTests(DatabaseProvider provider)
{
    private const string Header = "规范名称,通报名称,别名,单位类型,区划代码,代码版本,通报分组,上级市\n";

    [Fact]
    public async Task DemoRegistry_Has168Units_CountedPerGroupAsInTheNotice()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var perGroup = await db.Query(c => c.Units.GroupBy(u => u.CityGroup.Name).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N));
        var expected = new Dictionary<string, int>
        {
            ["郑州市"] = 15, ["开封市"] = 9, ["洛阳市"] = 15, ["平顶山市"] = 10, ["安阳市"] = 9, ["鹤壁市"] = 5, ["新乡市"] = 11,
            ["焦作市"] = 11, ["濮阳市"] = 7, ["许昌市"] = 6, ["漯河市"] = 5, ["三门峡市"] = 6, ["南阳市"] = 12, ["商丘市"] = 8,
            ["信阳市"] = 9, ["周口市"] = 9, ["驻马店市"] = 10, ["济源市"] = 1, ["省直管县（市）"] = 10,
        };
        Assert.Equal(expected.OrderBy(e => e.Key), perGroup.OrderBy(e => e.Key));
        Assert.Equal(168, perGroup.Values.Sum());
    }

    [Fact]
    public async Task DemoRegistry_UnitTypes_MatchTheNotice()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var types = await db.Query(c => c.Units.GroupBy(u => u.Type).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N));
        Assert.Equal(79, types[UnitType.County]);
        Assert.Equal(16, types[UnitType.CountyLevelCity]);
        Assert.Equal(48, types[UnitType.UrbanDistrict]);
        Assert.Equal(6, types[UnitType.ZoneWithStatisticsCode]);
        Assert.Equal(2, types[UnitType.ZoneWithoutCode]);
        Assert.Equal(6, types[UnitType.CityCentre]);
        Assert.Equal(6, types[UnitType.DirectCounty]);
        Assert.Equal(4, types[UnitType.DirectCountyLevelCity]);
        Assert.Equal(1, types[UnitType.ProvinceAdministeredCity]);
        var groupOrder = await db.Query(c => c.CityGroups.OrderBy(g => g.SortOrder).Select(g => g.Name).ToListAsync());
        Assert.Equal(["郑州市", "开封市", "洛阳市"], groupOrder.Take(3));
        Assert.Equal(["驻马店市", "济源市", "省直管县（市）"], groupOrder.TakeLast(3));
        var noCode = await db.Query(c => c.Units.Where(u => u.DivisionCode == null).Select(u => u.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["伊滨区", "郑东新区"], noCode.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("郟县", "郏县")]
    [InlineData("临颖县", "临颍县")]
    [InlineData("长垣市", "长垣县")]
    [InlineData("淮阳区", "淮阳县")]
    [InlineData("410425", "郏县")]
    [InlineData("瀍河", "瀍河回族区")]
    public async Task Search_ByAliasOrCode_FindsTheOfficialUnit(string text, string official)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var found = await db.Run<ListUnits, IReadOnlyList<UnitSummary>>(h => h.HandleAsync(new UnitSearch(text), UserScope.System));
        Assert.Equal(official, Assert.Single(found).Name);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_WithBadRows_WritesNothing_AndNamesEachRowAndColumn(bool gbk)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await db.Query(c => c.Units.CountAsync());
        var csv = Header
            + "新设县,,,县,419999,2025,郑州市,\n"          // row 2: code outside 郑州 (4101)
            + ",,,县,410199,2025,郑州市,\n"               // row 3: empty name
            + "某某区,,,乡镇,410198,2025,郑州市,\n"        // row 4: unknown type
            + "另一县,,,县,41A1,2025,郑州市,\n"            // row 5: malformed code
            + "重复甲县,,,县,410190,2025,郑州市,\n"        // row 6: fine on its own
            + "好县,,,县,410197,2025,火星市,\n"            // row 7: unknown group
            + "可用县,,,县,410196,2025,郑州市,\n"          // row 8: fine, but must not be written
            + "重复乙县,,,县,410190,2025,郑州市,\n"        // row 9: the code of row 6
            + "郑东新区,,,开发区（无区划代码）,,,郑州市,\n"; // row 10: same group and name as row 11
        csv += "郑东新区,,,开发区（无区划代码）,,,郑州市,\n";
        var error = await Assert.ThrowsAsync<ImportRejectedException>(() =>
            db.Run<ImportUnits, UnitImportResult>(h => h.HandleAsync(Files.Table(Files.Csv(csv, gbk)), UserScope.System)));
        var byRow = error.ImportErrors.ToLookup(e => e.Row);
        Assert.Contains(byRow[2], e => e.Column == "区划代码" && e.Message.Contains("不属于郑州市"));
        Assert.Contains(byRow[3], e => e.Column == "规范名称" && e.Message == "单位名称不能为空");
        Assert.Contains(byRow[4], e => e.Column == "单位类型" && e.Message.Contains("未知的单位类型“乡镇”"));
        Assert.Contains(byRow[5], e => e.Column == "区划代码" && e.Message.Contains("6 位数字"));
        Assert.Empty(byRow[6]);
        Assert.Contains(byRow[7], e => e.Column == "通报分组" && e.Message.Contains("火星市"));
        Assert.Empty(byRow[8]);
        Assert.Contains(byRow[9], e => e.Column == "区划代码" && e.Message == "区划代码“410190”与第 6 行重复");
        Assert.Contains(byRow[11], e => e.Column == "规范名称" && e.Message == "单位“郑东新区”与第 10 行重复");
        Assert.Equal(before, await db.Query(c => c.Units.CountAsync()));
        Assert.False(await db.Query(c => c.Units.AnyAsync(u => u.Name == "可用县")));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Import_GoodFile_InEachEncoding_AddsTheUnit_AndAgainChangesNothing(bool gbk, bool bom)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var csv = Header + "测试新区,新区,测试区;新区甲,开发区（无区划代码）,,,郑州市,\n";
        var file = Files.Csv(csv, gbk, bom);
        var first = await db.Run<ImportUnits, UnitImportResult>(h => h.HandleAsync(Files.Table(file), UserScope.System));
        var second = await db.Run<ImportUnits, UnitImportResult>(h => h.HandleAsync(Files.Table(file), UserScope.System));
        Assert.Equal((1, 0), (first.Created, first.Updated));
        Assert.Equal((0, 0, 1), (second.Created, second.Updated, second.Unchanged));
        var unit = await db.Query(c => c.Units.Include(u => u.Aliases).SingleAsync(u => u.Name == "测试新区"));
        Assert.Equal("新区", unit.PublishedName);
        Assert.Equal(["新区甲", "测试区"], unit.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_ThenImport_RoundTripsEveryUnitUnchanged()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var xlsx = await db.Run<ExportUnits, byte[]>(h => h.HandleAsync(TableFormat.Xlsx, UserScope.System));
        var result = await db.Run<ImportUnits, UnitImportResult>(h => h.HandleAsync(Files.Table(xlsx, "units.xlsx"), UserScope.System));
        Assert.Equal((0, 0, 168), (result.Created, result.Updated, result.Unchanged));
    }
}

public sealed class SqliteRegistryDataTests() : RegistryDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresRegistryDataTests() : RegistryDataTests(DatabaseProvider.Postgres);
