using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>One validated 合同台账 row (dates as day numbers, -1 when empty).</summary>
public sealed record ContractRecord(int Line, int UnitId, string ContractNumber, int SchoolYear, string IdNumber, long IdValue,
    string BorrowerName, string? CoBorrowerName, string? CoBorrowerIdNumber, string? Phone, string? University,
    int StudyYears, int EnrolmentYear, long AmountFen, ContractStatus Status, int ReceiptDay, int ConfirmedDay)
{
    public int GraduationYear => EnrolmentYear + StudyYears;
}

public sealed record ContractFileResult(string FileName, string Sha256, List<ContractRecord> Rows, List<ImportError> Errors);

/// <summary>
/// Reads and validates a 合同台账 file (CSV or XLSX; small enough to hold: one row per contract and
/// year). An identical repeated row is read once; a repeated 合同编号 with other values is an error.
/// </summary>
public static class ContractFile
{
    public static readonly ColumnSpec[] Columns =
    [
        new(LedgerTexts.Unit, true, "单位", "县区", "县级资助中心", "区划代码"),
        new(LedgerTexts.ContractColumn, true, "合同号", "贷款合同编号"),
        new("学年", true, "贷款学年", "申请学年"),
        new(LedgerTexts.IdColumn, true, "借款人身份证号", "学生身份证号", "身份证号码"),
        new(LedgerTexts.Name, true, "姓名", "学生姓名"),
        new("共同借款人姓名", false, "共同借款人", "家长姓名"),
        new("共同借款人身份证号", false, "共同借款人证件号码", "家长身份证号"),
        new("联系电话", false, "电话", "手机号", "手机号码"),
        new("就读高校", false, "高校名称", "学校"),
        new("学制", true, "学制(年)"),
        new("入学年份", true, "入学年度"),
        new("贷款金额", true, "合同金额", "贷款金额(元)"),
        new("合同状态", true, "状态"),
        new("回执录入日期", false, "回执日期"),
        new("毕业确认日期", false, "毕业确认时间"),
    ];

    public static bool LooksLikeContracts(IReadOnlyList<string> headers) =>
        headers.Any(h => Columns[12].Matches(h)) && headers.Any(h => Columns[2].Matches(h));

    /// <remarks>A cancelled read throws <see cref="OperationCanceledException"/> between the parse of the table and the checks, or within the checks.</remarks>
    public static ContractFileResult Read(string path, UnitResolver units, Func<int, bool>? unitAllowed = null, CancellationToken ct = default)
    {
        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var file = TabularFile.Read(new MemoryStream(bytes), path);
        ct.ThrowIfCancellationRequested();
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(file.Headers, Columns, errors);
        var rows = new List<ContractRecord>();
        if (errors.Count > 0) return new(Path.GetFileName(path), sha, rows, errors);
        var seen = new Dictionary<string, ContractRecord>(StringComparer.Ordinal);
        foreach (var line in file.Rows)
        {
            ct.ThrowIfCancellationRequested(); // one field read beside a row's dozen strings and parses
            var before = errors.Count;
            var r = Parse(line, map, units, errors);
            if (r is not null && unitAllowed is not null && !unitAllowed(r.UnitId)) errors.Add(new(line.Number, LedgerTexts.Unit, LedgerTexts.NotAllowed));
            if (r is null || errors.Count != before) continue;
            if (seen.TryGetValue(r.ContractNumber, out var first))
            {
                if (first with { Line = r.Line } != r) errors.Add(new(line.Number, LedgerTexts.ContractColumn, $"合同编号与第 {first.Line} 行重复且内容不同"));
                continue;
            }
            seen[r.ContractNumber] = r;
            rows.Add(r);
        }
        if (file.Rows.Count == 0) errors.Add(new(0, null, LedgerTexts.NoRows));
        return new(Path.GetFileName(path), sha, rows, errors);
    }

    private static ContractRecord? Parse(TabularRow line, ColumnMap map, UnitResolver units, List<ImportError> errors)
    {
        var n = line.Number;
        string Text(int c) => map.Get(line, Columns[c].Name).Trim();
        string Need(int c) { var t = Text(c); if (t.Length == 0) errors.Add(new(n, Columns[c].Name, LedgerTexts.Required)); return t; }
        int Int(int c, int min, int max)
        {
            var t = Need(c);
            var digits = new string(t.TakeWhile(char.IsAsciiDigit).ToArray());
            if (t.Length > 0 && (!int.TryParse(digits, CultureInfo.InvariantCulture, out var v) || v < min || v > max)) { errors.Add(new(n, Columns[c].Name, $"应为 {min}–{max} 之间的整数")); return -1; }
            return t.Length == 0 ? -1 : int.Parse(digits, CultureInfo.InvariantCulture);
        }
        int Date(int c) { var t = Text(c); if (t.Length == 0) return -1; var d = LedgerDate.ParseDayNumber(t); if (d < 0) errors.Add(new(n, Columns[c].Name, LedgerTexts.BadDate)); return d; }

        var unitText = Need(0);
        var unit = unitText.Length == 0 ? -1 : units.Resolve(unitText);
        if (unit < 0 && unitText.Length > 0) errors.Add(new(n, LedgerTexts.Unit, LedgerTexts.UnknownUnit(unitText)));
        var id = PersonalDataProtector.Normalize(Need(3));
        var idValue = IdNumber.IsValid(id) ? IdNumber.Parse(System.Text.Encoding.ASCII.GetBytes(id)) : -1;
        if (idValue < 0 && id.Length > 0) errors.Add(new(n, LedgerTexts.IdColumn, LedgerTexts.BadIdNumber));
        var coId = Text(6).Length == 0 ? null : PersonalDataProtector.Normalize(Text(6));
        if (coId is not null && !IdNumber.IsValid(coId)) errors.Add(new(n, Columns[6].Name, LedgerTexts.BadIdNumber));
        var amountText = Need(11);
        var amount = amountText.Length == 0 ? -1 : Yuan.ParseFen(amountText);
        if (amount < 0 && amountText.Length > 0) errors.Add(new(n, Columns[11].Name, LedgerTexts.BadAmount));
        var statusText = Need(12);
        ContractStatus? status = statusText switch { "正常" => ContractStatus.Normal, "谢绝" => ContractStatus.Declined, "作废" => ContractStatus.Void, "结清" => ContractStatus.Settled, _ => null };
        if (status is null && statusText.Length > 0) errors.Add(new(n, Columns[12].Name, "合同状态应为 正常、谢绝、作废 或 结清"));
        // Stored text: within its column, and decoded (U+FFFD is what a byte of another encoding became).
        foreach (var (c, max) in StoredText)
        {
            var t = Text(c);
            if (t.Contains('\uFFFD', StringComparison.Ordinal)) errors.Add(new(n, Columns[c].Name, LedgerTexts.NotText));
            else if (t.Length > max) errors.Add(new(n, Columns[c].Name, LedgerTexts.TooLong(max)));
        }
        var record = new ContractRecord(n, unit, Need(1), Int(2, 2000, 2100), id, idValue, Need(4), Null(Text(5)), coId, Null(Text(7)), Null(Text(8)),
            Int(9, 1, 10), Int(10, 1990, 2100), amount, status ?? ContractStatus.Normal, Date(13), Date(14));
        return record;
    }

    private static readonly (int Column, int MaxChars)[] StoredText =
        [(1, LedgerLimits.ContractNumber), (4, LedgerLimits.PersonName), (5, LedgerLimits.PersonName), (7, LedgerLimits.Phone), (8, LedgerLimits.University)];

    private static string? Null(string s) => s.Length == 0 ? null : s;
}
