using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Kaohe.Domain.Ledger;

/// <summary>Dates in export files: 2019-12-20, 2019/12/20, 2019-12-20 00:00:00, 2019.12.20 or 20191220.</summary>
public static class LedgerDate
{
    /// <summary>The <see cref="DateOnly.DayNumber"/> of the date; -1 when not a valid date.</summary>
    public static int ParseDayNumber(ReadOnlySpan<byte> s)
    {
        // The bank's own form, taken first: millions of rows carry two dates each.
        if (s.Length == 10 && s[4] == '-' && s[7] == '-') return Iso(s);
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

    /// <summary>The day number of the first of each month from January 1900 through January 2201: a month's length is the next one less it.</summary>
    private static readonly int[] MonthStarts = FirstsOfMonths();

    // A loop rather than LINQ: a static table is built at a command's start, where LINQ over value types waits for the JIT.
    private static int[] FirstsOfMonths()
    {
        var starts = new int[((LastYear - FirstYear + 1) * 12) + 1];
        for (var i = 0; i < starts.Length; i++) starts[i] = new DateOnly(FirstYear + (i / 12), (i % 12) + 1, 1).DayNumber;
        return starts;
    }

    /// <summary>
    /// The day number of <c>line[start..end]</c>, as <see cref="ParseDayNumber(ReadOnlySpan{byte})"/> gives it: the bank's
    /// yyyy-MM-dd read in place, any other form by the general parser.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseDayNumber(ReadOnlySpan<byte> line, int start, int end) =>
        end - start == 10 && line[start + 4] == '-' && line[start + 7] == '-' ? Iso(line[start..]) : ParseDayNumber(line[start..end]);

    /// <summary>
    /// yyyy-MM-dd (the dashes already seen) read as one word of its eight digits: checked and combined two, then four
    /// at a time, as <see cref="Digits"/> would one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Iso(ReadOnlySpan<byte> s)
    {
        unchecked
        {
            var head = BinaryPrimitives.ReadUInt64LittleEndian(s); // yyyy-MM-, the first byte lowest
            var digits = (head & 0xFFFF_FFFF) | ((head >> 8) & 0xFFFF_0000_0000) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(s[8..]) << 48);
            var d = digits ^ 0x3030_3030_3030_3030; // '0'–'9' become 0–9, any other byte 10 or more
            if ((((d + 0x7676_7676_7676_7676) | d) & 0x8080_8080_8080_8080) != 0) return -1;
            var pairs = ((d * 10) + (d >> 8)) & 0x00FF_00FF_00FF_00FF; // yy, yy, MM, dd
            return Make((int)(pairs & 0xFF) * 100 + (int)((pairs >> 16) & 0xFF), (int)((pairs >> 32) & 0xFF), (int)(pairs >> 48));
        }
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
        var month = ((y - FirstYear) * 12) + m - 1;
        var first = MonthStarts[month];
        return d > MonthStarts[month + 1] - first ? -1 : first + d - 1;
    }
}
