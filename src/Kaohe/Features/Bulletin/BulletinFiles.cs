namespace Kaohe.Features.Bulletin;

public enum BulletinFormat { Html, Docx, Pdf }

/// <summary>The bulletin as a file: how a format is named on the command line and in a URL, and the document of each.</summary>
public static class BulletinFiles
{
    public static byte[] Render(BulletinModel model, BulletinFormat format, string? echartsUrl = null) => format switch
    {
        BulletinFormat.Docx => BulletinDocx.Document(model),
        BulletinFormat.Pdf => BulletinPdf.Document(model),
        _ => BulletinHtml.Document(model, echartsUrl),
    };

    public static bool TryParse(string? text, out BulletinFormat format) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out format) && Enum.IsDefined(format);

    public static string ContentType(BulletinFormat f) => f switch
    {
        BulletinFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        BulletinFormat.Pdf => "application/pdf",
        _ => "text/html; charset=utf-8",
    };

    public static string FileName(DateOnly asOf, BulletinFormat f) =>
        $"{BulletinTexts.FileStem}-{asOf:yyyyMMdd}.{f.ToString().ToLowerInvariant()}";
}
