using System.Globalization;

namespace Kaohe.Features.Desk;

/// <summary>The home page's (首页) words, in Chinese; each area's desk items are in its own texts.</summary>
public static class DeskTexts
{
    public static string Countdown(int daysLeft, DateOnly due)
    {
        var date = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return daysLeft switch
        {
            < 0 => $"已逾期 {-daysLeft} 天（{date} 截止）",
            0 => $"今天截止（{date}）",
            _ => $"还有 {daysLeft} 天（{date} 截止）",
        };
    }

    public const string Empty = "目前没有待办事项。";

    // The home page's rates and map (province, bank, city)
    public const string CityRates = "各市当年本息回收率与逾期率（与上年同日对比）";
    public const string UnitRates = "各单位当年本息回收率与逾期率（与上年同日对比）";
    public const string MapTitle = "各单位当年本息回收率";
    public const string MapLegend = "当年本息回收率";
}
