namespace Kaohe.Common.Tabular;

/// <summary>One expected column: its Chinese name, the other headers accepted for it, and whether it must be present.</summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Aliases)
{
    public bool Matches(string header)
    {
        var h = Normalize(header);
        return h == Normalize(Name) || Aliases.Any(a => Normalize(a) == h);
    }

    internal static string Normalize(string s) =>
        s.Trim().Trim('\uFEFF').Replace('（', '(').Replace('）', ')').Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}

/// <summary>Finds each expected column among a file's headers; reports every missing required column.</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _index = new();

    private ColumnMap() { }

    public static ColumnMap Resolve(IReadOnlyList<string> headers, IEnumerable<ColumnSpec> specs, List<ImportError> errors)
    {
        var map = new ColumnMap();
        foreach (var spec in specs)
        {
            var at = -1;
            for (var i = 0; i < headers.Count; i++)
            {
                if (spec.Matches(headers[i])) { at = i; break; }
            }
            if (at >= 0) map._index[spec.Name] = at;
            else if (spec.Required) errors.Add(new ImportError(1, spec.Name, TabularTexts.MissingColumn(spec.Name)));
        }
        return map;
    }

    public bool Has(string column) => _index.ContainsKey(column);

    public string Get(TabularRow row, string column) => _index.TryGetValue(column, out var i) ? row[i] : "";
}
