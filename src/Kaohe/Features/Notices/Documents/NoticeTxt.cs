using System.Text;
using Kaohe.Domain.Notices;

namespace Kaohe.Features.Notices;

/// <summary>The notice as plain UTF-8 text: one paragraph per line, blank lines between blocks, the annex last.</summary>
public static class NoticeTxt
{
    public static byte[] Generate(NoticeDocument n) => new UTF8Encoding(false).GetBytes(Text(n));

    public static string Text(NoticeDocument n)
    {
        var s = new StringBuilder();
        void Block(params IEnumerable<string> lines)
        {
            foreach (var l in lines) s.Append(l).Append('\n');
            s.Append('\n');
        }
        if (n.Watermark is { } w) Block($"【{w}】");
        Block(n.Issuers, n.DocumentNumber, n.Title);
        Block([n.Addressee, .. n.Opening]);
        foreach (var section in n.Sections) Block([section.Heading, .. section.Paragraphs]);
        Block(n.AnnexReference);
        Block(string.Join(" ", n.IssuerNames), n.DateText, n.Disclosure);
        Block(NoticeTexts.AnnexLabel, n.AnnexTitle);
        foreach (var grade in n.Results.Annex) Block([grade.Heading, .. Lines(grade)]);
        Block(n.Verification);
        return s.ToString().TrimEnd('\n') + "\n";
    }

    public static IEnumerable<string> Lines(AnnexGrade grade) =>
        grade.Cities.Count == 0 ? [AnnexGrade.Empty] : grade.Cities.Select(c => c.Line);
}
