using System.Diagnostics;
using Kaohe.Common.Errors;
using PdfSharp.Fonts;

namespace Kaohe.Documents;

/// <summary>
/// The one Chinese font the PDF generator embeds. It is the first of: the file named by KAOHE_CJK_FONT (then only that
/// one); AR PL UMing CN from Debian's fonts-arphic-uming (TrueType, full CJK coverage including 浉 and 瀍, Arphic
/// Public License); any other TrueType font fontconfig knows for Chinese (<c>fc-list :lang=zh-cn</c>; OpenType CFF
/// faces such as Noto CJK are skipped, PDFsharp cannot embed them). A .ttc's first face is cut out at first use, and
/// PDFsharp subsets TrueType faces, so a document embeds only the glyphs it prints. Pages ask <see cref="Missing"/>
/// before they offer a PDF; a PDF asked for without a font is refused with what to install (503), not a fault.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    public const string Family = "Kaohe CJK";
    public const string EnvironmentVariable = "KAOHE_CJK_FONT";
    public const string DefaultPath = "/usr/share/fonts/truetype/arphic/uming.ttc";
    private const string Face = "kaohe-cjk";

    private static readonly Lock Gate = new();
    private static byte[]? _bytes;

    /// <summary>Installs the resolver once per process (PDFsharp allows only one), or refuses with what to install.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_bytes is null)
            {
                var path = Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultPath, FontconfigChineseTrueType)
                    ?? throw new KaoheException(ErrorKind.Unavailable, CjkFontTexts.Missing, CjkFontTexts.Install);
                _bytes = TrueTypeCollection.ExtractFace(File.ReadAllBytes(path), 0);
            }
            if (GlobalFontSettings.FontResolver is not CjkFont) GlobalFontSettings.FontResolver = new CjkFont();
        }
    }

    /// <summary>Null when a PDF can be made; else the sentence a page shows in place of its PDF button.</summary>
    public static string? Missing
    {
        get
        {
            lock (Gate)
            {
                if (_bytes is not null) return null;
            }
            return Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultPath, FontconfigChineseTrueType) is null
                ? CjkFontTexts.Missing + "：" + CjkFontTexts.Install
                : null;
        }
    }

    /// <summary>
    /// The font file to embed: <paramref name="configured"/> when set (and only it), else <paramref name="defaultPath"/>,
    /// else the first existing file of <paramref name="fontconfig"/>; null when there is none.
    /// </summary>
    public static string? Locate(string? configured, string defaultPath, Func<IEnumerable<string>> fontconfig)
    {
        if (configured is { Length: > 0 }) return File.Exists(configured) ? configured : null;
        if (File.Exists(defaultPath)) return defaultPath;
        return fontconfig().FirstOrDefault(File.Exists);
    }

    /// <summary>The TrueType faces fontconfig lists for Chinese, .ttf before .ttc; none when fc-list is absent.</summary>
    public static IEnumerable<string> FontconfigChineseTrueType()
    {
        string output;
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", ["--format", "%{fontformat}|%{file}\n", ":lang=zh-cn"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (fcList is null) return [];
            output = fcList.StandardOutput.ReadToEnd();
            fcList.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return []; // no fontconfig on this machine
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 2))
            .Where(p => p is ["TrueType", _])
            .Select(p => p[1])
            .Distinct()
            .OrderBy(f => f.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => _bytes;
}

public static class CjkFontTexts
{
    public const string Missing = "本机没有可嵌入 PDF 的中文字体，暂不能生成 PDF";
    public const string Install = "请安装 apt-get install fonts-arphic-uming，或以环境变量 " + CjkFont.EnvironmentVariable + " 指定 TrueType 中文字体（.ttf/.ttc）；Word 与网页版不受影响";
}
