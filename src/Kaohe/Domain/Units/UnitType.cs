namespace Kaohe.Domain.Units;

/// <summary>The kinds of county-level unit the 2018 notice assesses (DOMAIN.md §2).</summary>
public enum UnitType
{
    County = 1,                 // 县
    CountyLevelCity = 2,        // 县级市
    UrbanDistrict = 3,          // 市辖区
    ZoneWithStatisticsCode = 4, // 开发区（统计用代码）
    ZoneWithoutCode = 5,        // 开发区（无区划代码）
    CityCentre = 6,             // 市级中心（代办所辖区）
    DirectCounty = 7,           // 省直管县
    DirectCountyLevelCity = 8,  // 省直管县级市
    ProvinceAdministeredCity = 9, // 省直辖县级市（济源）
}

public static class UnitTypes
{
    private static readonly Dictionary<UnitType, string> Names = new()
    {
        [UnitType.County] = "县",
        [UnitType.CountyLevelCity] = "县级市",
        [UnitType.UrbanDistrict] = "市辖区",
        [UnitType.ZoneWithStatisticsCode] = "开发区（统计用代码）",
        [UnitType.ZoneWithoutCode] = "开发区（无区划代码）",
        [UnitType.CityCentre] = "市级中心（代办所辖区）",
        [UnitType.DirectCounty] = "省直管县",
        [UnitType.DirectCountyLevelCity] = "省直管县级市",
        [UnitType.ProvinceAdministeredCity] = "省直辖县级市",
    };

    public static IReadOnlyDictionary<UnitType, string> All => Names;

    public static string ChineseName(this UnitType type) => Names[type];

    public static bool TryParse(string? text, out UnitType type)
    {
        var t = (text ?? "").Trim().Replace('(', '（').Replace(')', '）');
        foreach (var (key, name) in Names)
        {
            if (name == t) { type = key; return true; }
        }
        type = default;
        return false;
    }

    /// <summary>Development zones are the only units that may lack a division code.</summary>
    public static bool MayLackCode(this UnitType type) => type == UnitType.ZoneWithoutCode;

    /// <summary>A city-level centre carries its city's 4-digit code; every other code has 6 digits.</summary>
    public static int CodeLength(this UnitType type) => type == UnitType.CityCentre ? 4 : 6;

    /// <summary>Units that report to the province directly, with no city stage above them.</summary>
    public static bool ReportsToProvince(this UnitType type) =>
        type is UnitType.DirectCounty or UnitType.DirectCountyLevelCity or UnitType.ProvinceAdministeredCity;
}
