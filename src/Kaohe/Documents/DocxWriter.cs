using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using L = Kaohe.Documents.GongwenLayout;

namespace Kaohe.Documents;

/// <summary>Paragraphs and runs with the fonts named for every script and the line pitch of the layout.</summary>
internal sealed class DocxWriter(L layout)
{
    // LibreOffice ignores FirstLineChars, so the indent is given in twips too: 2 characters of 16 pt.
    private static readonly string TwoChars = L.Twips(2 * L.BodySize).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Paragraph Body(string text) => P(text, L.BodyFont, L.BodySize, JustificationValues.Both, indent: true);

    public Paragraph P(string text, string font, double size, JustificationValues? align = null, bool indent = false,
        string? color = null, bool pageBreak = false, bool redRule = false, int rightChars = 0)
    {
        var props = new ParagraphProperties();
        if (pageBreak) props.Append(new PageBreakBefore());
        if (redRule) props.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Color = "C00000", Space = 4U }));
        props.Append(new SpacingBetweenLines { Before = "0", After = "0", Line = Math.Max(L.Twips(layout.LinePitch), L.Twips(size * 1.2)).ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact });
        if (indent) props.Append(new Indentation { FirstLine = TwoChars, FirstLineChars = 200 });
        else if (rightChars > 0) props.Append(new Indentation { Right = L.Twips(rightChars * L.BodySize).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        props.Append(new Justification { Val = align ?? JustificationValues.Both });
        var p = new Paragraph(props);
        if (text.Length > 0) p.Append(Run(text, font, size, color));
        return p;
    }

    public static Run Run(string text, string font, double size, string? color = null)
    {
        var half = ((int)Math.Round(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rp = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia });
        if (color is not null) rp.Append(new Color { Val = color });
        rp.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
