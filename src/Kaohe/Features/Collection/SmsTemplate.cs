using System.Text.RegularExpressions;
using Kaohe.Common.Errors;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Collection;

/// <summary>
/// A reminder text with placeholders: {姓名} {单位} {逾期金额} {最早应还日期} {逾期天数}. Nothing else is
/// filled in: a text never carries an ID number (a template with 15 or more digits in a row, or an unknown
/// placeholder, is refused), and the amount only where the template asks for {逾期金额}.
/// </summary>
public sealed partial class SmsTemplate
{
    public const int MaxLength = 300;
    private static readonly string[] Known = ["姓名", "单位", "逾期金额", "最早应还日期", "逾期天数"];
    private readonly string _text;

    private SmsTemplate(string text) => _text = text;

    public static SmsTemplate Parse(string text)
    {
        var t = text.Trim();
        var errors = new List<string>();
        if (t.Length == 0) errors.Add(CollectionTexts.TemplateEmpty);
        if (t.Length > MaxLength) errors.Add(CollectionTexts.TemplateTooLong(MaxLength));
        foreach (Match m in Placeholder().Matches(t))
            if (!Known.Contains(m.Groups[1].Value)) errors.Add(CollectionTexts.TemplateUnknownPlaceholder(m.Groups[1].Value, Known));
        if (LongNumber().IsMatch(t)) errors.Add(CollectionTexts.TemplateLongNumber);
        if (errors.Count > 0) throw KaoheException.InvalidFields(CollectionTexts.TemplateInvalid, new Dictionary<string, string[]> { [CollectionTexts.TemplateField] = [.. errors] });
        return new SmsTemplate(t);
    }

    public string Render(string name, string unit, long overdueFen, DateOnly oldestDue, int daysOverdue) =>
        Placeholder().Replace(_text, m => m.Groups[1].Value switch
        {
            "姓名" => name,
            "单位" => unit,
            "逾期金额" => Yuan.Format(overdueFen) + "元",
            "最早应还日期" => oldestDue.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
            "逾期天数" => daysOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => m.Value,
        });

    public override string ToString() => _text;

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\d{15,}")]
    private static partial Regex LongNumber();
}
