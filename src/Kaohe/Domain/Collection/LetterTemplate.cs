using System.ComponentModel;

namespace Kaohe.Domain.Collection;

/// <summary>The two letters of the collection desk (the notice's 四（四）: 还款通知 and 逾期催收).</summary>
public enum LetterKind
{
    [Description("还款提醒函")] Reminder = 1,
    [Description("逾期催收函")] Overdue = 2,
}

/// <summary>
/// The province's text of one kind of letter: a title and a body with placeholders (<c>LetterText</c> lists them).
/// Until the province saves one, the built-in text is used. One row per kind; every change is audited.
/// </summary>
public sealed class LetterTemplate
{
    public const int MaxTitle = 40, MaxBody = 3000;

    public int Id { get; set; }
    public LetterKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
}
