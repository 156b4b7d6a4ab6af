using Kaohe.Common.Errors;

namespace Kaohe.Common.Tabular;

/// <summary>One problem in an uploaded file, named by row (as Excel numbers it: the header is row 1) and column.</summary>
public sealed record ImportError(int Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        (0, null) => Message,
        (0, _) => TabularTexts.InColumn(Column, Message),
        (_, null) => TabularTexts.InRow(Row, Message),
        _ => TabularTexts.InCell(Row, Column, Message),
    };
}

/// <summary>
/// The error contract's refusal of a file (<see cref="ErrorKind.Invalid"/>): carries every problem found, so the user
/// can fix them all at once; the API answers it as validation problem details keyed "第N行·列".
/// </summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors)
    : KaoheException(ErrorKind.Invalid, TabularTexts.Rejected(errors.Count), string.Join("；", errors.Take(5)), ByPlace(errors))
{
    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<ImportError> ImportErrors { get; } = errors;

    /// <summary>Groups the errors by "第N行·列" (or the column, or 文件) so a client can show each where it belongs.</summary>
    public static Dictionary<string, string[]> ByPlace(IEnumerable<ImportError> errors) =>
        errors.GroupBy(e => e.Row == 0 ? (e.Column ?? "文件") : $"第{e.Row}行{(e.Column is null ? "" : "·" + e.Column)}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray());
}
