namespace Kaohe.Domain.Ledger;

/// <summary>Dates in export files: 2019-12-20, 2019/12/20, 2019-12-20 00:00:00, 2019.12.20 or 20191220.</summary>
public static class LedgerDate
{
    /// <summary>The <see cref="DateOnly.DayNumber"/> of the date; -1 when not a valid date.</summary>
    public static int ParseDayNumber(ReadOnlySpan<byte> s)
    {
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

    private static int Digits(ReadOnlySpan<byte> s)
    {
        var v = 0;
        foreach (var c in s)
        {
            var d = unchecked((uint)(c - '0'));
            if (d > 9) return -1;
            v = v * 10 + (int)d;
        }
        return v;
    }

    private static int Make(int y, int m, int d)
    {
        if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return -1;
        return new DateOnly(y, m, d).DayNumber;
    }
}
