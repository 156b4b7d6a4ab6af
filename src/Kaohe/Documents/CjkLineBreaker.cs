namespace Kaohe.Documents;

/// <summary>
/// Breaks Chinese text into lines of a given width. Any two Chinese characters may break, except that
/// closing punctuation (，。、）…) never starts a line — it hangs in the margin instead (标点悬挂) — and
/// opening punctuation (（《“…) never ends one; a run of Latin letters or digits such as "72.62%" stays whole.
/// </summary>
public static class CjkLineBreaker
{
    private const string NoLineStart = "，。、；：？！）》」』”’〕】…—·%,.;:?!)]";
    private const string NoLineEnd = "（《「『“‘〔【([";

    public static IReadOnlyList<string> Break(string text, Func<string, double> width, double firstLine, double otherLines)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        double used = 0;
        foreach (var token in Tokens(text))
        {
            var w = width(token);
            var limit = lines.Count == 0 ? firstLine : otherLines;
            if (used + w > limit + 0.01 && line.Length > 0 && !NoLineStart.Contains(token[0]))
            {
                var carry = "";
                while (line.Length > 1 && NoLineEnd.Contains(line[^1])) { carry = line[^1] + carry; line.Length--; }
                lines.Add(line.ToString());
                line.Clear().Append(carry);
                used = carry.Length == 0 ? 0 : width(carry);
            }
            line.Append(token);
            used += w;
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    /// <summary>Single characters, except runs of ASCII letters, digits and the marks inside numbers.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || (j > i && text[j] is '.' or '%' or '-'))) j++;
            if (j == i) j = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? i + 2 : i + 1;
            yield return text[i..j];
            i = j;
        }
    }
}
