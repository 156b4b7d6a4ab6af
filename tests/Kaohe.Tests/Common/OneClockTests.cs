using System.Text.RegularExpressions;

namespace Kaohe.Tests.Common;

/// <summary>
/// Kaohe has one clock (<c>Kaohe.Common.Time.BeijingClock</c>): no source file reads the system clock past the injected
/// TimeProvider, reads the server's time zone, shifts UTC by a hand-written +8 or takes a calendar date from a UTC instant. A date taken from the UTC clock is a day behind in Beijing until 08:00, so a county
/// working at 07:30 on a stage's last day was refused; from the server's local clock it depends on the machine.
/// </summary>
public sealed partial class OneClockTests
{
    [GeneratedRegex(@"GetLocalNow\(|DateTime\.Now\b|DateTime\.UtcNow\b|DateTimeOffset\.UtcNow\b|AddHours\(8\)|DateTime\.Today\b|DateTimeOffset\.Now\b|TimeZoneInfo\.Local\b|DateOnly\.FromDateTime\([^;]*GetUtcNow\(")]
    private static partial Regex ServerClock();

    [Fact]
    public void NoSourceFile_ReadsTheServersTimeZone_OrTakesADateFromTheUtcClock()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Kaohe.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var found = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("BeijingClock.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root.FullName, f), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && !l.Text.StartsWith("///", StringComparison.Ordinal) && ServerClock().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}").ToList();
        Assert.True(found.Count == 0, "use BeijingClock (Today, Now, DateOf):\n" + string.Join("\n", found));
    }
}
