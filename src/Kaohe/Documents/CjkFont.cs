using PdfSharp.Fonts;

namespace Kaohe.Documents;

/// <summary>
/// The one Chinese font the PDF generator embeds: AR PL UMing CN from Debian's fonts-arphic-uming
/// (TrueType, full CJK coverage including 浉 and 瀍, Arphic Public License), cut out of uming.ttc at
/// first use. PDFsharp subsets TrueType faces, so a notice embeds only the glyphs it prints.
/// Override with KAOHE_CJK_FONT=path[.ttf|.ttc] (a .ttc's first face is used).
/// </summary>
public sealed class CjkFont : IFontResolver
{
    public const string Family = "Kaohe CJK";
    public const string EnvironmentVariable = "KAOHE_CJK_FONT";
    public const string DefaultPath = "/usr/share/fonts/truetype/arphic/uming.ttc";
    private const string Face = "kaohe-cjk";

    private static readonly Lazy<byte[]> Bytes = new(Load);
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp allows only one).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            _ = Bytes.Value;
            if (GlobalFontSettings.FontResolver is not CjkFont) GlobalFontSettings.FontResolver = new CjkFont();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => Bytes.Value;

    private static byte[] Load()
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } p ? p : DefaultPath;
        if (!File.Exists(path))
            throw new FileNotFoundException($"未找到生成 PDF 所需的中文字体 {path}。请安装：apt-get install fonts-arphic-uming（或以环境变量 {EnvironmentVariable} 指定 TrueType 字体）", path);
        return TrueTypeCollection.ExtractFace(File.ReadAllBytes(path), 0);
    }
}
