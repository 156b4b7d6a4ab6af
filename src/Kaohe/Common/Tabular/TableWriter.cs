using System.Text;
using MiniExcelLibs;

namespace Kaohe.Common.Tabular;

/// <summary>Writes a table of strings as CSV (UTF-8 with BOM, which Excel opens correctly, or GBK) or XLSX.</summary>
public static class TableWriter
{
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, TableFormat format)
    {
        using var output = new MemoryStream();
        if (format == TableFormat.Xlsx)
        {
            var sheet = rows.Select(r =>
            {
                var d = new Dictionary<string, object?>();
                for (var i = 0; i < headers.Count; i++) d[headers[i]] = i < r.Count ? r[i] : "";
                return d;
            }).ToList();
            if (sheet.Count == 0) sheet.Add(headers.ToDictionary(h => h, _ => (object?)""));
            output.SaveAs(sheet);
            return output.ToArray();
        }

        var encoding = format == TableFormat.CsvGbk ? TextEncodings.Gb18030 : TextEncodings.Utf8WithBom;
        using (var text = new StreamWriter(output, encoding, leaveOpen: true))
        {
            WriteCsvLine(text, headers);
            foreach (var row in rows) WriteCsvLine(text, row);
        }
        return output.ToArray();
    }

    /// <summary>
    /// RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled. A text that a spreadsheet
    /// would run as a formula (=, +, -, @, tab or CR first, and not a number) is written with an apostrophe before it,
    /// which Excel and WPS show as text. (An XLSX cell written as a string is never a formula.)
    /// </summary>
    public static void WriteCsvLine(TextWriter w, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) w.Write(',');
            var c = Neutralised(cells[i] ?? "");
            if (c.AsSpan().IndexOfAny(",\"\r\n") >= 0) w.Write('"' + c.Replace("\"", "\"\"", StringComparison.Ordinal) + '"');
            else w.Write(c);
        }
        w.Write("\r\n");
    }

    /// <summary>The cell as a spreadsheet will show it, never run it: see <see cref="WriteCsvLine"/>.</summary>
    public static string Neutralised(string cell) =>
        cell is ['=' or '+' or '-' or '@' or '\t' or '\r', ..]
            && !decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;

    public static string ContentType(TableFormat format) => format == TableFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=" + (format == TableFormat.CsvGbk ? "gb18030" : "utf-8");

    public static string Extension(TableFormat format) => format == TableFormat.Xlsx ? ".xlsx" : ".csv";

    public static TableFormat ParseFormat(string? text) => (text ?? "csv").Trim().ToLowerInvariant() switch
    {
        "xlsx" => TableFormat.Xlsx,
        "gbk" or "csv-gbk" or "gb18030" => TableFormat.CsvGbk,
        _ => TableFormat.Csv,
    };

    internal static Encoding EncodingOf(TableFormat format) => format == TableFormat.CsvGbk ? TextEncodings.Gb18030 : TextEncodings.Utf8WithBom;
}
