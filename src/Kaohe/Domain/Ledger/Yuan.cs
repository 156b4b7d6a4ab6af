using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Kaohe.Domain.Ledger;

/// <summary>Amounts in yuan as the bank exports them (≥ 0, at most 2 decimals), parsed exactly to fen.</summary>
public static class Yuan
{
    /// <summary>Fen of "1234", "1234.5", "1,234.56" or "0.05"; -1 when not a non-negative amount with ≤ 2 decimals.</summary>
    public static long ParseFen(ReadOnlySpan<byte> s)
    {
        // At most 17 digits are read, so the arithmetic cannot overflow.
        unchecked
        {
            return s.Length is >= 4 and <= 18 && s[^3] == '.' ? TwoDecimals(s) : Parse(s);
        }
    }

    /// <summary>
    /// The fen of <c>line[start..end]</c>, as <see cref="ParseFen(ReadOnlySpan{byte})"/> gives it. The bank's own form with
    /// at most five digits before the point (318.50) is read as one word, the eight bytes of the line that end with the
    /// amount, its leading bytes taken as zeros: the digits are checked and combined two, four, then eight at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ParseFen(ReadOnlySpan<byte> line, int start, int end)
    {
        var length = end - start;
        if (length is < 4 or > 8 || end < 8 || line[end - 3] != '.') return ParseFen(line[start..end]);
        unchecked
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(line[(end - 8)..]); // the amount in the high bytes, its point in byte 5
            var before = (1UL << ((8 - length) * 8)) - 1;
            var d = ((word & ~before) | (0x3030_3030_3030_3030 & before)) ^ 0x3030_3030_3030_3030;
            if ((((d + 0x7676_7676_7676_7676) | d) & 0x8080_0080_8080_8080) != 0) return ParseFen(line[start..end]);
            var digits = ((d & 0xFF_FFFF_FFFF) | ((d >> 8) & 0xFF_FF00_0000_0000)) << 8; // 0, five yuan digits, two fen digits
            var pairs = ((digits * 10) + (digits >> 8)) & 0x00FF_00FF_00FF_00FF;
            var fours = ((pairs * 100) + (pairs >> 16)) & 0x0000_FFFF_0000_FFFF;
            return (long)(((fours * 10000) + (fours >> 32)) & 0xFFFF_FFFF);
        }
    }

    /// <summary>The bank's own form, 318.50: the digits read in order, skipping the point, are the fen.</summary>
    private static long TwoDecimals(ReadOnlySpan<byte> s)
    {
        long fen = 0;
        var point = s.Length - 3;
        for (var i = 0; i < s.Length; i++)
        {
            if (i == point) continue;
            var d = unchecked((uint)(s[i] - '0'));
            if (d > 9) return Parse(s);
            fen = unchecked(fen * 10 + d);
        }
        return fen;
    }

    private static long Parse(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty) return -1;
        long whole = 0;
        var i = 0;
        var digits = 0;
        for (; i < s.Length && s[i] != '.'; i++)
        {
            var c = s[i];
            if (c == ',') continue;
            var d = unchecked((uint)(c - '0'));
            if (d > 9 || ++digits > 15) return -1;
            whole = whole * 10 + d;
        }
        long fraction = 0;
        if (i < s.Length)
        {
            var decimals = s.Length - i - 1;
            if (decimals > 2 || (decimals == 0 && digits == 0)) return -1;
            for (var k = 1; k <= 2; k++)
            {
                var d = k <= decimals ? unchecked((uint)(s[i + k] - '0')) : 0;
                if (d > 9) return -1;
                fraction = fraction * 10 + d;
            }
        }
        else if (digits == 0) return -1;
        return whole * 100 + fraction;
    }

    public static long ParseFen(string s)
    {
        Span<byte> b = stackalloc byte[Math.Min(s.Length, 64)];
        if (s.Length > 64) return -1;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] > 127) return -1;
            b[i] = (byte)s[i];
        }
        return ParseFen(b);
    }

    /// <summary>"1234.56": yuan with exactly 2 decimals, from integer fen.</summary>
    public static string Format(long fen) =>
        (fen < 0 ? "-" : "") + (Math.Abs(fen) / 100).ToString(CultureInfo.InvariantCulture) + "." + (Math.Abs(fen) % 100).ToString("00", CultureInfo.InvariantCulture);
}
