using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaohe.Common.Charts;

public enum SeriesKind { Bar, Line }

/// <summary>One series of a category chart; values are exact (amounts in yuan, rates in percent), null for "no value".</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, SeriesKind Kind = SeriesKind.Bar, bool OnRightAxis = false);

/// <summary>
/// A category chart (units, cities or months along one axis) described independently of the renderer:
/// the web pages and the bulletin's HTML draw it with Apache ECharts, the PDF draws it itself.
/// <see cref="Horizontal"/> puts the categories down the side (long rankings of unit names).
/// </summary>
public sealed record ChartSpec(
    string Id, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series,
    string LeftAxis = "", string RightAxis = "", bool Horizontal = false)
{
    /// <summary>Enough height for every category label of a horizontal chart.</summary>
    public int HeightPixels => Horizontal ? Math.Max(320, 60 + (22 * Categories.Count)) : 360;

    /// <summary>The largest value of any series, 0 for none (a scope without data still gets its document).</summary>
    public decimal MaxValue => Series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max();

    /// <summary>The ECharts option object as JSON.</summary>
    public string ToEChartsOption()
    {
        var category = new JsonObject { ["type"] = "category", ["data"] = Array(Categories.Select(c => (JsonNode?)c)) };
        if (Horizontal) category["inverse"] = true;
        else category["axisLabel"] = new JsonObject { ["interval"] = 0, ["rotate"] = Categories.Count > 8 ? 40 : 0 };
        var values = new JsonArray { Axis(LeftAxis) };
        if (Series.Any(s => s.OnRightAxis)) values.Add(Axis(RightAxis));
        var option = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = Title, ["left"] = "center", ["textStyle"] = new JsonObject { ["fontSize"] = 15 } },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["top"] = 28 },
            ["grid"] = new JsonObject { ["top"] = 70, ["left"] = 20, ["right"] = 30, ["bottom"] = 20, ["containLabel"] = true },
            [Horizontal ? "yAxis" : "xAxis"] = category,
            [Horizontal ? "xAxis" : "yAxis"] = values,
            ["series"] = Array(Series.Select(SeriesNode)),
        };
        return option.ToJsonString(JsonOptions);
    }

    private JsonNode SeriesNode(ChartSeries s)
    {
        var node = new JsonObject
        {
            ["name"] = s.Name,
            ["type"] = s.Kind == SeriesKind.Bar ? "bar" : "line",
            ["data"] = Array(s.Values.Select(v => v is { } d ? JsonValue.Create(d) : null)),
        };
        if (s.OnRightAxis) node[Horizontal ? "xAxisIndex" : "yAxisIndex"] = 1;
        return node;
    }

    private static JsonObject Axis(string name) => new() { ["type"] = "value", ["name"] = name };

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    // The default encoder escapes <, > and &, so the JSON is safe inside an HTML attribute or a script block.
    private static readonly JsonSerializerOptions JsonOptions = new();
}
