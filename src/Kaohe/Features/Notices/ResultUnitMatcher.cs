using Kaohe.Domain.Units;

namespace Kaohe.Features.Notices;

/// <summary>
/// Finds the registry unit a published-results row means. Names such as 经济技术开发区, 高新区 or 新城区
/// exist in several cities, so the row's city group (所属市) narrows the search first; within it a unit
/// matches by official name, published name, alias or division code.
/// </summary>
public sealed class ResultUnitMatcher(IReadOnlyList<Unit> units, IReadOnlyList<CityGroup> groups)
{
    public CityGroup? Group(string text)
    {
        var key = Normalize(text);
        return key.Length == 0 ? null : groups.FirstOrDefault(g => Normalize(g.Name) == key || Normalize(g.Name).TrimEnd('市') == key.TrimEnd('市'))
            ?? (key.StartsWith("省直管", StringComparison.Ordinal) ? groups.FirstOrDefault(g => g.Kind == CityGroupKind.DirectCounties) : null);
    }

    /// <summary>Every unit the name can mean (within the group when one is given): one is a match, none or several an error.</summary>
    public List<Unit> Candidates(string name, CityGroup? group)
    {
        var key = Normalize(name);
        return units.Where(u => (group is null || u.CityGroupId == group.Id) && Names(u).Contains(key)).ToList();
    }

    /// <summary>Units whose names look like the text (for an error message suggesting what was meant).</summary>
    public IEnumerable<Unit> LookAlikes(string name)
    {
        var key = Normalize(name);
        var stem = key.Length > 2 ? key[..^1] : key;
        return units.Where(u => Names(u).Any(n => n.Contains(stem, StringComparison.Ordinal) || (n.Length > 1 && stem.Contains(n[..^1], StringComparison.Ordinal)))).Take(6);
    }

    public static string Describe(Unit u) =>
        $"{u.CityGroup.Name} {u.PublishedName}" + (u.Name != u.PublishedName ? $"（{u.Name}）" : "") + (u.DivisionCode is { } c ? $" {c}" : "");

    private static HashSet<string> Names(Unit u)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { Normalize(u.Name), Normalize(u.PublishedName) };
        foreach (var a in u.Aliases) set.Add(Normalize(a.Name));
        if (u.DivisionCode is { } code) set.Add(code);
        return set;
    }

    private static string Normalize(string s) =>
        s.Trim().Replace('(', '（').Replace(')', '）').Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);
}
