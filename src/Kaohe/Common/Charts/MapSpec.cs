using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaohe.Common.Charts;

/// <summary>
/// One unit on the map of Henan: drawn as the boundaries named in <see cref="Districts"/> (a county's own, or the
/// urban districts a city-level centre acts for) or, when it has none on the map (the development zones, a
/// city-level centre without districts of its own), as a marker within its city.
/// </summary>
public sealed record MapArea(string Name, string City, decimal? Value, string Href, IReadOnlyList<string> Districts, string? Label = null);

/// <summary>A band of a categorical map (a grade): areas whose value equals <see cref="Value"/> get its label and colour.</summary>
public sealed record MapPiece(decimal Value, string Label, string Color);

/// <summary>
/// A county-level map of Henan (Apache ECharts, the boundary file in wwwroot/lib/henan-map: docs/dependencies.md)
/// coloured by one figure per unit; each unit links to its page. Continuous figures (rates) get a colour ramp from
/// <see cref="Low"/> to <see cref="High"/> colour; categorical ones (grades) name their <see cref="Pieces"/>.
/// </summary>
public sealed record MapSpec(string Id, string Title, string Metric, string Unit, IReadOnlyList<MapArea> Areas,
    IReadOnlyList<MapPiece>? Pieces = null, bool HigherIsBetter = true)
{
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
