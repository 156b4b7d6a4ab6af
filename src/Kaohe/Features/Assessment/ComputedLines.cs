using System.Globalization;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>
/// One computed indicator at one stage: the value, the formula, the numbers behind it, the as-of date, the rule and its
/// working, and the points. <see cref="Stored"/>: what a saved stage result recorded; otherwise the ledger now, for the
/// stage being scored (saving records it). <see cref="HasData"/> false: 无台账数据, points (if any) are a person's.
/// </summary>
public sealed record ComputedLine(
    string Code, string Title, decimal MaxPoints, string Source, string SourceName, string Rule, Stage Stage, string StageName, bool Stored,
    bool HasData, decimal? Value, string ValueText, string Formula, string Numbers, DateOnly? AsOf, decimal? Points, string Scoring, string? Note, string LedgerUrl);

internal static class ComputedLines
{
    /// <summary>Each stage's recorded readings, then the live reading of the stage being scored (if any).</summary>
    public static List<ComputedLine> Build(CampaignUnit unit, Stage? live, IReadOnlyDictionary<int, LedgerReading> readings)
    {
        var leaves = unit.Campaign.Scheme?.Leaves.Where(l => l.IsComputedFromData).ToList() ?? [];
        var lines = new List<ComputedLine>();
        foreach (var r in unit.Results.Where(r => r.Stage != live).OrderBy(r => r.Stage))
        {
            foreach (var leaf in leaves)
            {
                if (r.Scores.FirstOrDefault(s => s.IndicatorId == leaf.Id && s.Origin != ScoreOrigin.Person) is { } s)
                    lines.Add(Line(unit, leaf, r.Stage, true, new LedgerReading(s.DataValue, s.DataFormula ?? "", s.DataNumbers ?? "", s.DataAsOf ?? default,
                        s.Origin == ScoreOrigin.Ledger ? s.Points : null, s.DataScoring ?? ""), s));
            }
        }
        if (live is { } stage)
        {
            var draft = unit.ResultOf(stage);
            foreach (var leaf in leaves.Where(l => readings.ContainsKey(l.Id)))
                lines.Add(Line(unit, leaf, stage, false, readings[leaf.Id], draft?.Scores.FirstOrDefault(s => s.IndicatorId == leaf.Id && s.Origin == ScoreOrigin.PersonNoData)));
        }
        return lines;
    }

    private static ComputedLine Line(CampaignUnit unit, Indicator leaf, Stage stage, bool stored, LedgerReading reading, IndicatorScore? person)
    {
        var source = LedgerSources.Find(leaf.DataSource);
        var asOf = reading.AsOf == default ? (DateOnly?)null : reading.AsOf;
        var scoring = reading.HasData ? reading.Scoring : person is null ? ComputedTexts.NoDataScoring : ComputedTexts.PersonScored(person.Note);
        return new ComputedLine(leaf.Code, leaf.Title, leaf.MaxPoints, leaf.DataSource!, source?.Name ?? leaf.DataSource!, leaf.PointsRule!, stage, stage.ChineseName(), stored,
            reading.HasData, reading.Value, ValueText(reading.Value, source?.Unit), reading.Formula, reading.Numbers, asOf, reading.Points ?? person?.Points, scoring,
            person?.Note, LedgerUrl(unit.UnitId, asOf));
    }

    private static string ValueText(decimal? value, string? unit) => value switch
    {
        null => ComputedTexts.NoLedger,
        { } v when unit == "%" => v.ToString("F2", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture) + " " + unit,
    };

    public static string LedgerUrl(int unitId, DateOnly? asOf) =>
        $"/Ledger/Unit/{unitId}" + (asOf is { } d ? "?asOf=" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
}
