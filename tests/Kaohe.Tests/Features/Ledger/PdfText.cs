using System.Diagnostics;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The text of a PDF as a reader would copy it (poppler's pdftotext -layout); null when poppler is not installed.</summary>
internal static class PdfText
{
    public static string? Of(byte[] pdf)
    {
        if (!File.Exists("/usr/bin/pdftotext")) return null;
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            using var p = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
