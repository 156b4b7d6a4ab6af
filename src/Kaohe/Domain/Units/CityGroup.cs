namespace Kaohe.Domain.Units;

public enum CityGroupKind
{
    PrefectureCity = 1,          // 省辖市
    ProvinceAdministeredCity = 2, // 省直辖县级市（济源）
    DirectCounties = 3,           // 省直管县（市）
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
