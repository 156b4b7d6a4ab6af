namespace Kaohe.Domain.Ledger;

/// <summary>
/// The 18-character resident ID number (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit
/// sequence and a check character by ISO 7064 MOD 11-2 (0–9 or X).
/// </summary>
public static class IdNumber
{
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static ReadOnlySpan<byte> CheckChars => "10X98765432"u8;

    /// <summary>The check character for the first 17 digits.</summary>
    public static byte CheckCharacter(ReadOnlySpan<byte> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>
    /// Validates an ID number given as ASCII bytes and returns it as a number (17 digits × 11 + check
    /// value, X = 10) that identifies the person; -1 when invalid. Lower-case x is accepted.
    /// </summary>
    public static long Parse(ReadOnlySpan<byte> s)
    {
        if (s.Length != 18) return -1;
        long value = 0;
        for (var i = 0; i < 17; i++)
        {
            var d = unchecked((uint)(s[i] - '0'));
            if (d > 9) return -1;
            value = unchecked(value * 10 + d); // 17 digits fit in a long
        }
        var last = s[17] == 'x' ? (byte)'X' : s[17];
        if (last != CheckCharacter(s)) return -1;
        return value * 11 + (last == 'X' ? 10 : last - '0');
    }

    public static bool IsValid(string text)
    {
        Span<byte> b = stackalloc byte[18];
        if (text.Length != 18) return false;
        for (var i = 0; i < 18; i++)
        {
            if (text[i] > 127) return false;
            b[i] = (byte)text[i];
        }
        return Parse(b) >= 0;
    }

    /// <summary>The normalized text of a number from <see cref="Parse"/> (upper-case X).</summary>
    public static void Write(long number, Span<byte> into)
    {
        var check = number % 11;
        into[17] = check == 10 ? (byte)'X' : (byte)('0' + check);
        var digits = number / 11;
        for (var i = 16; i >= 0; i--, digits /= 10) into[i] = (byte)('0' + digits % 10);
    }
}
