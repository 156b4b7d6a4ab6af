namespace Kaohe.Common.Tabular;

/// <summary>One problem in an uploaded file, named by row (as Excel numbers it: the header is row 1) and column.</summary>
public sealed record ImportError(int Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        (0, null) => Message,
        (0, _) => $"“{Column}”列：{Message}",
        (_, null) => $"第 {Row} 行：{Message}",
        _ => $"第 {Row} 行“{Column}”列：{Message}",
    };
}

/// <summary>Thrown when a file cannot be accepted; carries every problem found, so the user can fix them all at once.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors)
    : Exception($"文件有 {errors.Count} 处错误，未写入任何数据：" + string.Join("；", errors.Take(5)))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
