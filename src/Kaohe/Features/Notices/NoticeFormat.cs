namespace Kaohe.Features.Notices;

public enum NoticeFormat { Docx, Pdf, Html, Txt }

/// <summary>The four generators of the notice, each a function from the same <see cref="NoticeDocument"/> to bytes.</summary>
public static class NoticeFormats
{
    public static byte[] Generate(NoticeDocument n, NoticeFormat format) => format switch
    {
        NoticeFormat.Docx => NoticeDocx.Generate(n),
        NoticeFormat.Pdf => NoticePdf.Generate(n),
        NoticeFormat.Html => NoticeHtml.Generate(n),
        _ => NoticeTxt.Generate(n),
    };

    public static bool TryParse(string? text, out NoticeFormat format)
    {
        var t = (text ?? "").Trim().TrimStart('.');
        format = default;
        return t.Length > 0 && t.All(char.IsAsciiLetter) && Enum.TryParse(t, ignoreCase: true, out format);
    }

    public static string Extension(NoticeFormat f) => "." + f.ToString().ToLowerInvariant();

    /// <summary>Every format's content type, in the order of <see cref="NoticeFormat"/> (for the OpenAPI document).</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = [.. Enum.GetValues<NoticeFormat>().Select(ContentType)];

    public static string ContentType(NoticeFormat f) => f switch
    {
        NoticeFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        NoticeFormat.Pdf => "application/pdf",
        NoticeFormat.Html => "text/html; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    public static string FileName(NoticeDocument n, NoticeFormat f) => NoticeTexts.FileName(n.Year, Extension(f));
}
