using Kaohe.Domain.Notices;

namespace Kaohe.Features.Notices;

/// <summary>A heading such as "二、考核结果" and its paragraphs.</summary>
public sealed record NoticeSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>
/// Everything one results notice prints, in reading order. Each document generator (txt, html, docx,
/// pdf) is a function of this record alone, so the four formats cannot disagree. <see cref="Verification"/> is the
/// last line: the 封存校验码 and the audit chain's head when it was generated, so a printed notice can be checked later.
/// </summary>
public sealed record NoticeDocument(
    int Year,
    string Issuers,
    string DocumentNumber,
    string Title,
    string Addressee,
    IReadOnlyList<string> Opening,
    IReadOnlyList<NoticeSection> Sections,
    string AnnexReference,
    DateOnly IssueDate,
    string Disclosure,
    string AnnexTitle,
    NoticeResults Results,
    string? Watermark,
    string Verification)
{
    public string DateText => NoticeTexts.DateText(IssueDate);

    public IReadOnlyList<string> IssuerNames => Issuers.Split(' ', '　', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The text's paragraphs: an editable field keeps one paragraph per line.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The editable parts of a notice, as the edit page and the API show them.</summary>
public sealed record NoticeFields(
    string Issuers, string DocumentNumber, string Title, DateOnly IssueDate, string Addressee,
    string Opening, string Overview, string Problems, string Requirements);
