using System.ComponentModel;

namespace Kaohe.Domain.Units;

public enum CityGroupKind
{
    [Description("省辖市")] PrefectureCity = 1,
    [Description("省直辖县级市")] ProvinceAdministeredCity = 2, // 济源
    [Description("省直管县（市）")] DirectCounties = 3,
}

/// <summary>
/// A heading of the notice's annex: one of the 17 prefecture cities, 济源市, or the
/// 省直管县（市） group. <see cref="SortOrder"/> is the province's fixed order.
/// </summary>
public sealed class CityGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? DivisionCode { get; set; }
    public CityGroupKind Kind { get; set; }
    public int SortOrder { get; set; }
    public List<Unit> Units { get; set; } = [];
}
