using System.Text;
using Kaohe.Common.Tabular;

namespace Kaohe.Tests.Common.Tabular;

/// <summary>Issue 19 §4: formula-looking text is neutralised on every CSV export; numbers, negative ones included, are left as they are.</summary>
public sealed class FormulaExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点击\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tabc", "'\tabc")]
    [InlineData("-900.00", "-900.00")]
    [InlineData("+8613800000000", "+8613800000000")]
    [InlineData("二七区", "二七区")]
    [InlineData("", "")]
    public void ACsvCell_ThatASpreadsheetWouldRun_IsWrittenAsText(string cell, string written)
    {
        var csv = Encoding.UTF8.GetString(TableWriter.Write(["备注"], [[cell]], TableFormat.Csv)).TrimStart('\uFEFF');

        Assert.Equal("备注\r\n" + written + "\r\n", csv);
    }
}
