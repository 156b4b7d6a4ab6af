using System.Text.RegularExpressions;
using Kaohe.Common.Errors;
using Kaohe.Domain.Collection;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Collection;

/// <summary>What one letter says about its case: the figures of the case and the centre that writes.</summary>
public sealed record LetterFacts(
    string Name, string? CoBorrower, string Contracts, long OverduePrincipalFen, long OverdueInterestFen, DateOnly OldestDue, int DaysOverdue,
    DateOnly Deadline, string Centre, string? CentreAddress, string? CentrePhone, DateOnly Date);

/// <summary>One letter as printed: title, salutation, paragraphs, and the centre's signature and date.</summary>
public sealed record Letter(int CaseId, string Title, string Salutation, IReadOnlyList<string> Paragraphs, string Signature, string Date);

/// <summary>
/// A letter's title and body with placeholders (<see cref="Known"/>); the body's lines are its paragraphs. Like the SMS
/// template, a text may carry no ID number: an unknown placeholder or 15 or more digits in a row is refused.
/// </summary>
public sealed partial class LetterText
{
    public static readonly string[] Known =
        ["姓名", "共同借款人", "合同编号", "逾期金额", "逾期本金", "逾期利息", "最早应还日期", "逾期天数", "还款期限", "中心名称", "中心地址", "中心电话", "落款日期"];

    private LetterText(LetterKind kind, string title, string body) => (Kind, Title, Body) = (kind, title, body);

    public LetterKind Kind { get; }
    public string Title { get; }
    public string Body { get; }

    public static LetterText Default(LetterKind kind)
    {
        RequireKnown(kind);
        return new(kind, LetterTexts.DefaultTitle(kind), LetterTexts.DefaultBody(kind).Trim());
    }

    /// <summary>Refuses a kind that is neither letter (a number a JSON client or a route sent), naming the field.</summary>
    public static void RequireKnown(LetterKind kind)
    {
        if (!Enum.IsDefined(kind))
            throw KaoheException.InvalidFields(LetterTexts.TemplateInvalid, new Dictionary<string, string[]> { [LetterTexts.KindField] = [LetterTexts.UnknownKind] });
    }

    public static LetterText Parse(LetterKind kind, string? title, string? body)
    {
        RequireKnown(kind);
        var (t, b) = ((title ?? "").Trim(), (body ?? "").Trim().ReplaceLineEndings("\n"));
        var errors = new Dictionary<string, string[]>();
        Check(LetterTexts.TitleField, t, LetterTemplate.MaxTitle, errors);
        Check(LetterTexts.BodyField, b, LetterTemplate.MaxBody, errors);
        if (errors.Count > 0) throw KaoheException.InvalidFields(LetterTexts.TemplateInvalid, errors);
        return new LetterText(kind, t, b);
    }

    private static void Check(string field, string text, int max, Dictionary<string, string[]> errors)
    {
        var found = new List<string>();
        if (text.Length == 0) found.Add(LetterTexts.Empty);
        if (text.Length > max) found.Add(LetterTexts.TooLong(max));
        foreach (Match m in Placeholder().Matches(text))
            if (!Known.Contains(m.Groups[1].Value)) found.Add(LetterTexts.UnknownPlaceholder(m.Groups[1].Value, Known));
        if (LongNumber().IsMatch(text)) found.Add(LetterTexts.LongNumber);
        if (found.Count > 0) errors[field] = [.. found.Distinct()];
    }

    public Letter Render(int caseId, LetterFacts f)
    {
        string Fill(string text) => Placeholder().Replace(text, m => m.Groups[1].Value switch
        {
            "姓名" => f.Name,
            "共同借款人" => f.CoBorrower ?? "",
            "合同编号" => f.Contracts,
            "逾期金额" => Yuan.Format(f.OverduePrincipalFen + f.OverdueInterestFen) + "元",
            "逾期本金" => Yuan.Format(f.OverduePrincipalFen) + "元",
            "逾期利息" => Yuan.Format(f.OverdueInterestFen) + "元",
            "最早应还日期" => LetterTexts.Date(f.OldestDue),
            "逾期天数" => f.DaysOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "还款期限" => LetterTexts.Date(f.Deadline),
            "中心名称" => f.Centre,
            "中心地址" => f.CentreAddress ?? LetterTexts.NoAddress,
            "中心电话" => f.CentrePhone ?? LetterTexts.NoPhone,
            "落款日期" => LetterTexts.Date(f.Date),
            _ => m.Value,
        });
        var paragraphs = Body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Fill).ToList();
        return new Letter(caseId, Fill(Title), LetterTexts.Salutation(f.Name, f.CoBorrower), paragraphs, f.Centre, LetterTexts.Date(f.Date));
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\d{15,}")]
    private static partial Regex LongNumber();
}
