using System.Globalization;
using Sylvan.Data.Csv;

namespace Kaohe.Common.Tabular;

public sealed record TabularRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : "";
}

/// <summary>
/// A small uploaded table (CSV in UTF-8 or GBK, or the first sheet of an XLSX) as trimmed strings. A row with content
/// past the header's last column, a cell of more than <see cref="MaxCellLength"/> characters or with control characters
/// rejects the file, naming the row and column: such content would otherwise be cut or lost without a word.
/// </summary>
public sealed class TabularFile
{
    public const int MaxCellLength = 10_000;

    public required IReadOnlyList<string> Headers { get; init; }
    public required IReadOnlyList<TabularRow> Rows { get; init; }

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The largest file of this kind read: a province's unit registry or scoring workbook is well under a megabyte.</summary>
    public const long MaxBytes = 64L << 20;

    public static TabularFile Read(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        if ((stream.CanSeek ? stream.Length - stream.Position : 0) > MaxBytes) throw TooLarge(fileName);
        var chunk = new byte[81920];
        for (int n; (n = stream.Read(chunk)) > 0;)
        {
            if (buffer.Length + n > MaxBytes) throw TooLarge(fileName);
            buffer.Write(chunk, 0, n);
        }
        buffer.Position = 0;
        try
        {
            var file = IsXlsx(fileName) || LooksLikeZip(buffer) ? ReadXlsx(buffer, fileName) : ReadCsv(buffer.ToArray());
            var errors = file.Rows.SelectMany(r => CheckCells(r, file.Headers)).ToList();
            if (errors.Count > 0) throw new ImportRejectedException(errors);
            return file;
        }
        catch (Exception e) when (XlsxRows.IsDamage(e))
        {
            // A damaged workbook or a file that is neither CSV nor XLSX: say so instead of failing obscurely.
            throw XlsxRows.Unreadable(fileName);
        }
    }

    public static TabularFile Read(string path)
    {
        using var s = File.OpenRead(path);
        return Read(s, path);
    }

    private static ImportRejectedException TooLarge(string fileName) =>
        new([new ImportError(0, null, TabularTexts.TooLarge(Path.GetFileName(fileName), MaxBytes))]);

    private static bool LooksLikeZip(MemoryStream s) => s.Length > 4 && s.GetBuffer() is [0x50, 0x4B, 0x03, 0x04, ..];

    private static TabularFile ReadCsv(byte[] bytes)
    {
        var encoding = TextEncodings.Detect(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true);
        // Room for a cell well past the limit, so a long one is reported with its row instead of failing the read.
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = 4 << 20 });
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

    /// <summary>Content past the header's last column, an overlong cell, control characters (tab and line breaks are text).</summary>
    private static IEnumerable<ImportError> CheckCells(TabularRow row, IReadOnlyList<string> headers)
    {
        var width = headers.Count;
        while (width > 0 && headers[width - 1].Length == 0) width--;
        var last = row.Cells.Count;
        while (last > 0 && row.Cells[last - 1].Length == 0) last--;
        if (last > width) yield return new ImportError(row.Number, null, TabularTexts.ExtraCells(last, width));
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            var column = i < headers.Count && headers[i].Length > 0 ? headers[i] : $"第{i + 1}列";
            if (cell.Length > MaxCellLength) yield return new ImportError(row.Number, column, TabularTexts.CellTooLong(MaxCellLength));
            else if (cell.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) yield return new ImportError(row.Number, column, TabularTexts.ControlCharacters);
        }
    }

    private static TabularFile ReadXlsx(Stream stream, string fileName)
    {
        var all = XlsxRows.Read(stream, fileName).ToList();
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
