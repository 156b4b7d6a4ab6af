using System.IO.Compression;
using MiniExcelLibs;

namespace Kaohe.Common.Tabular;

/// <summary>
/// The rows of a workbook's first sheet (MiniExcel, streamed), for every importer. A file that is not a workbook, a
/// damaged one, or one that would inflate past <see cref="MaxInflatedBytes"/> (a zip bomb) is refused under the error
/// contract with one Chinese message, before or while it is read, instead of failing as a fault.
/// </summary>
public static class XlsxRows
{
    /// <summary>What a workbook may inflate to: a full sheet of 1,048,576 ledger rows is about 400 MB of XML.</summary>
    public const long MaxInflatedBytes = 1L << 30;

    /// <summary>A part that inflates more than this many times its compressed size, past 64 MB, is a bomb, not a sheet (real sheets: 5–20 times).</summary>
    public const int MaxRatio = 200;

    public static IEnumerable<IDictionary<string, object?>> Read(Stream stream, string fileName)
    {
        CheckPackage(stream, fileName);
        using var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator();
        while (true)
        {
            bool more;
            try { more = rows.MoveNext(); }
            catch (Exception e) when (IsDamage(e)) { throw Unreadable(fileName); }
            if (!more) yield break;
            yield return rows.Current;
        }
    }

    /// <summary>The message for a file that is neither CSV nor XLSX, or a damaged workbook.</summary>
    public static ImportRejectedException Unreadable(string fileName) =>
        new([new ImportError(0, null, TabularTexts.Unreadable(Path.GetFileName(fileName)))]);

    public static bool IsDamage(Exception e) =>
        e is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException or InvalidCastException
            or KeyNotFoundException or ArgumentException;

    private static void CheckPackage(Stream stream, string fileName)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is null) throw Unreadable(fileName);
            var inflated = 0L;
            foreach (var entry in zip.Entries)
            {
                inflated += entry.Length;
                if (inflated > MaxInflatedBytes || (entry.Length > 64L << 20 && entry.Length > (long)MaxRatio * Math.Max(1, entry.CompressedLength)))
                    throw new ImportRejectedException([new ImportError(0, null, TabularTexts.Inflates(Path.GetFileName(fileName)))]);
            }
        }
        catch (Exception e) when (IsDamage(e)) { throw Unreadable(fileName); }
        stream.Position = start;
    }
}
