using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kaohe.Common.Tabular;

/// <summary>
/// Adds drop-down lists (list data validation) to columns of the first sheet of a workbook written by
/// <see cref="TableWriter"/>, so that a form filled in Excel can only take the catalogue's values. Excel refuses
/// other values as they are typed; the import checks them again all the same.
/// </summary>
public static class XlsxDropdowns
{
    /// <param name="lists">Zero-based column → its allowed values (no commas; under 255 characters together).</param>
    /// <param name="lastRow">The last row (1-based, the header is row 1) that gets the lists.</param>
    public static byte[] Add(byte[] xlsx, IReadOnlyDictionary<int, IReadOnlyList<string>> lists, int lastRow)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = doc.WorkbookPart!.WorksheetParts.First().Worksheet;
            var validations = new DataValidations();
            foreach (var (column, values) in lists.OrderBy(l => l.Key))
            {
                var letter = ColumnLetter(column);
                var validation = new DataValidation
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
                    ErrorTitle = TabularTexts.DropdownErrorTitle, Error = TabularTexts.DropdownError,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{Math.Max(2, lastRow)}" },
                };
                validation.Append(new Formula1("\"" + string.Join(",", values) + "\""));
                validations.Append(validation);
            }
            validations.Count = (uint)lists.Count;
            // The schema's order: dataValidations follows sheetData and whatever of these comes after it.
            OpenXmlElement after = sheet.Elements<ConditionalFormatting>().LastOrDefault() as OpenXmlElement
                ?? sheet.Elements<PhoneticProperties>().FirstOrDefault() as OpenXmlElement
                ?? sheet.Elements<MergeCells>().FirstOrDefault() as OpenXmlElement
                ?? sheet.Elements<AutoFilter>().FirstOrDefault() as OpenXmlElement
                ?? sheet.GetFirstChild<SheetData>()!;
            sheet.InsertAfter(validations, after);
            sheet.Save();
        }
        return stream.ToArray();
    }

    public static string ColumnLetter(int column)
    {
        var s = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
