using System.Globalization;

namespace Kaohe.Domain.Common;

/// <summary>
/// Rates as the province prints them: a percentage rounded half-up to a fixed number of places
/// (the notice's 优秀率 72.62% is 122/168 = 72.619…% rounded so). Exact decimal arithmetic only.
/// </summary>
public static class Percent
{
    /// <summary>numerator ÷ denominator × 100, rounded half-up; null when the denominator is zero.</summary>
    public static decimal? Of(decimal numerator, decimal denominator, int places = 2) =>
        denominator == 0 ? null : Math.Round(numerator * 100m / denominator, places, MidpointRounding.AwayFromZero);

    /// <summary>"72.62%", or "—" when there is no denominator.</summary>
    public static string Format(decimal numerator, decimal denominator, int places = 2) =>
        Of(numerator, denominator, places) is { } p ? p.ToString("F" + places, CultureInfo.InvariantCulture) + "%" : "—";
}
