namespace Kaohe.Domain.Units;

/// <summary>
/// A GB/T 2260-style administrative division code: 6 digits for a county-level unit,
/// 4 for a prefecture city (used by city-level centres), always with the vintage it was taken from.
/// </summary>
public readonly record struct DivisionCode
{
    public string Value { get; }

    private DivisionCode(string value) => Value = value;

    public string ProvincePrefix => Value[..2];

    public string CityPrefix => Value[..4];

    public static bool TryParse(string? text, out DivisionCode code)
    {
        var t = (text ?? "").Trim();
        code = default;
        if (t.Length is not (4 or 6) || !t.All(char.IsAsciiDigit)) return false;
        code = new DivisionCode(t);
        return true;
    }

    public static DivisionCode Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"区划代码“{text}”应为 4 位或 6 位数字");

    public override string ToString() => Value;
}
