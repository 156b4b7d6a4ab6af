using System.Text;

namespace Kaohe.Common.Tabular;

/// <summary>
/// CSV files reach Kaohe as UTF-8 (with or without BOM) or as GBK/GB18030 from Excel on Chinese
/// Windows. GB18030 is a superset of GBK and GB2312, so one fallback reads all three.
/// </summary>
public static class TextEncodings
{
    /// <summary>GB18030, made on first use: the code-page tables cost a UTF-8 file's reader several milliseconds.</summary>
    public static Encoding Gb18030 => CodePages.Gb18030;

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static class CodePages
    {
        public static readonly Encoding Gb18030 = Create();

        private static Encoding Create()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>UTF-8 if the bytes have a UTF-8 BOM or decode as valid UTF-8; otherwise GB18030.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8;
        return LooksLikeUtf8(sample) ? Encoding.UTF8 : Gb18030;
    }

    /// <summary>Validates UTF-8, forgiving a multi-byte sequence cut off at the end of a sample.</summary>
    private static bool LooksLikeUtf8(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            var extra = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
            if (extra < 0) return false;
            for (var k = 1; k <= extra; k++)
            {
                if (i + k >= s.Length) return true;
                if ((s[i + k] & 0xC0) != 0x80) return false;
            }
            i += extra + 1;
        }
        return true;
    }

    public static Encoding Parse(string? name) => (name ?? "utf-8").Trim().ToLowerInvariant() switch
    {
        "gbk" or "gb2312" or "gb18030" => Gb18030,
        _ => Utf8WithBom,
    };
}
