using System.Globalization;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Kaohe.Common.Tabular;

public sealed record TabularRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : "";
}

/// <summary>A small uploaded table (CSV in UTF-8 or GBK, or the first sheet of an XLSX) as trimmed strings.</summary>
public sealed class TabularFile
{
    public required IReadOnlyList<string> Headers { get; init; }
    public required IReadOnlyList<TabularRow> Rows { get; init; }

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static TabularFile Read(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        try
        {
            if (IsXlsx(fileName) || LooksLikeZip(buffer)) return ReadXlsx(buffer);
            return ReadCsv(buffer.ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            // A damaged workbook or a file that is neither CSV nor XLSX: say so instead of failing obscurely.
            throw new ImportRejectedException([new ImportError(0, null, TabularTexts.Unreadable(Path.GetFileName(fileName)))]);
        }
    }

    public static TabularFile Read(string path)
    {
        using var s = File.OpenRead(path);
        return Read(s, path);
    }

    private static bool LooksLikeZip(MemoryStream s) => s.Length > 4 && s.GetBuffer() is [0x50, 0x4B, 0x03, 0x04, ..];

    private static TabularFile ReadCsv(byte[] bytes)
    {
        var encoding = TextEncodings.Detect(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
        var headers = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
        var rows = new List<TabularRow>();
        var number = 1;
        while (csv.Read())
        {
            number++;
            var cells = new string[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i).Trim();
            if (cells.All(string.IsNullOrEmpty)) continue;
            rows.Add(new TabularRow(number, cells));
        }
        return new TabularFile { Headers = headers, Rows = rows };
    }

    private static TabularFile ReadXlsx(Stream stream)
    {
        var all = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        if (all.Count == 0) return new TabularFile { Headers = [], Rows = [] };
        var keys = all[0].Keys.ToList();
        var headers = keys.Select(k => Cell(all[0][k])).ToList();
        var rows = new List<TabularRow>();
        for (var r = 1; r < all.Count; r++)
        {
            var cells = keys.Select(k => all[r].TryGetValue(k, out var v) ? Cell(v) : "").ToArray();
            if (cells.All(string.IsNullOrEmpty)) continue;
            rows.Add(new TabularRow(r + 1, cells));
        }
        return new TabularFile { Headers = headers, Rows = rows };
    }

    internal static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
