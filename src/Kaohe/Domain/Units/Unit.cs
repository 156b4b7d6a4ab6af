namespace Kaohe.Domain.Units;

/// <summary>A county-level student-aid centre that the province assesses.</summary>
public sealed class Unit
{
    public int Id { get; set; }

    /// <summary>Official name (for development zones the statistical name).</summary>
    public required string Name { get; set; }

    /// <summary>The name as the province prints it in a notice (e.g. 经济技术开发区, 郟县).</summary>
    public required string PublishedName { get; set; }

    public UnitType Type { get; set; }

    /// <summary>4 or 6 digits; null only for development zones without a code (郑东新区, 伊滨区).</summary>
    public string? DivisionCode { get; set; }

    /// <summary>Which code list the code comes from, e.g. "2018统计用".</summary>
    public string? CodeVintage { get; set; }

    public int CityGroupId { get; set; }
    public CityGroup CityGroup { get; set; } = null!;

    /// <summary>For 省直管县: the prefecture city it lies in.</summary>
    public string? ParentCity { get; set; }

    /// <summary>The unit's place within its group in the notice (default: the last notice's order).</summary>
    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public string? Note { get; set; }

    /// <summary>The 县级学生资助管理中心's postal address, printed on its letters (not personal data).</summary>
    public string? CentreAddress { get; set; }

    /// <summary>The centre's office telephone, printed on its letters (not personal data).</summary>
    public string? CentrePhone { get; set; }

    public List<UnitAlias> Aliases { get; set; } = [];

    /// <summary>For a city-level centre: the urban districts whose loans it handles.</summary>
    public List<ServedDistrict> ServedDistricts { get; set; } = [];

    public bool ReportsToProvince => Type.ReportsToProvince();
}

public sealed class UnitAlias
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
}

public sealed class ServedDistrict
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
    public string? DivisionCode { get; set; }
}
