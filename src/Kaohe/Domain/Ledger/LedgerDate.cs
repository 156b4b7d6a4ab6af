using System.Runtime.CompilerServices;

namespace Kaohe.Domain.Ledger;

/// <summary>Dates in export files: 2019-12-20, 2019/12/20, 2019-12-20 00:00:00, 2019.12.20 or 20191220.</summary>
public static class LedgerDate
{
    /// <summary>The <see cref="DateOnly.DayNumber"/> of the date; -1 when not a valid date.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ParseDayNumber(ReadOnlySpan<byte> s)
    {
        // The bank's own form, taken first: millions of rows carry two dates each.
        if (s.Length == 10 && s[4] == '-' && s[7] == '-') return Make(Digits(s[..4]), Digits(s.Slice(5, 2)), Digits(s.Slice(8, 2)));
        var space = s.IndexOf((byte)' ');
        if (space > 0) s = s[..space];
        if (s.Length == 8 && s.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0) return Make(Digits(s[..4]), Digits(s.Slice(4, 2)), Digits(s.Slice(6, 2)));
        if (s.Length < 8 || s.Length > 10) return -1;
        var y = Digits(s[..4]);
        var sep = s[4];
        if (sep != '-' && sep != '/' && sep != '.') return -1;
        var rest = s[5..];
        var second = rest.IndexOf(sep);
        if (second < 1 || second > 2 || rest.Length - second - 1 is < 1 or > 2) return -1;
        return Make(y, Digits(rest[..second]), Digits(rest[(second + 1)..]));
    }

    public static int ParseDayNumber(string s)
    {
        if (s.Length > 32) return -1;
        Span<byte> b = stackalloc byte[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] > 127) return -1;
            b[i] = (byte)s[i];
        }
        return ParseDayNumber(b.Trim((byte)' '));
    }

    private const int FirstYear = 1900, LastYear = 2200;
    private static readonly int[] YearStarts = [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 2).Select(y => new DateOnly(y, 1, 1).DayNumber)];
    private static ReadOnlySpan<short> MonthStarts => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    /// <summary>Month × 32 + day of each day of a year (index 0 = 1 January), for a common and a leap year.</summary>
    private static readonly short[][] MonthDays = [MonthDayTable(2001), MonthDayTable(2000)];

    private static short[] MonthDayTable(int year) =>
        [.. Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(d => new DateOnly(year, 1, 1).AddDays(d)).Select(d => (short)(d.Month * 32 + d.Day))];

    /// <summary>
    /// The year and month × 32 + day of a <see cref="DateOnly.DayNumber"/> in the years this parser accepts
    /// (by table: millions of rows ask it); -1 for the year outside them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Year, int MonthDay) YearAndMonthDay(int dayNumber)
    {
        if (dayNumber < YearStarts[0] || dayNumber >= YearStarts[^1]) return (-1, 0);
        var i = (int)((dayNumber - YearStarts[0]) * 4L / 1461); // within a year of the answer
        if (dayNumber < YearStarts[i]) i--;
        else if (dayNumber >= YearStarts[i + 1]) i++;
        var year = FirstYear + i;
        return (year, MonthDays[DateTime.IsLeapYear(year) ? 1 : 0][dayNumber - YearStarts[i]]);
    }

    /// <summary>The number in at most 4 ASCII digits; -1 when a byte is not a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> s)
    {
        var v = 0;
        foreach (var c in s)
        {
            var d = unchecked((uint)(c - '0'));
            if (d > 9) return -1;
            v = unchecked(v * 10 + (int)d);
        }
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Make(int y, int m, int d)
    {
        if (y < FirstYear || y > LastYear || m < 1 || m > 12 || d < 1) return -1;
        var leapDay = DateTime.IsLeapYear(y) ? 1 : 0;
        var length = MonthStarts[m] - MonthStarts[m - 1] + (m == 2 ? leapDay : 0);
        return d > length ? -1 : YearStarts[y - FirstYear] + MonthStarts[m - 1] + (m > 2 ? leapDay : 0) + d - 1;
    }
}
