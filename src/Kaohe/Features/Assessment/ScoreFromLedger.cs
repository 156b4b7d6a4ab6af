using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>
/// Reads the ledger for a unit's computed indicators: for each leaf with a data source and a rule, the value as of the
/// campaign's work year (<see cref="ComputeLedgerIndicators"/>: 12-31 of the year, or today if earlier), in the scorer's
/// scope, and the points the rule gives it. Without the ledger file the source needs, or when the value cannot be
/// computed (nothing due), the reading has no points: 无台账数据, and a person scores it with a note.
/// </summary>
public sealed class ScoreFromLedger(KaoheDbContext db, ComputeLedgerIndicators indicators, ComputeLedgerFigures figures, ProvinceFigureCache province)
{
    /// <summary>Readings by indicator id; empty when the scheme has no computed indicators.</summary>
    public async Task<IReadOnlyDictionary<int, LedgerReading>> ReadAsync(CampaignUnit unit, UserScope scope, CancellationToken ct = default)
    {
        var leaves = unit.Campaign.Scheme?.Leaves.Where(l => l.IsComputedFromData).ToList() ?? [];
        if (leaves.Count == 0) return new Dictionary<int, LedgerReading>();
        var values = await indicators.HandleAsync(unit.UnitId, unit.Campaign.Year, scope, ct) ?? throw KaoheException.NotFound();
        var files = await db.LedgerSnapshots.Where(s => s.UnitId == unit.UnitId && s.SupersededAtUtc == null).Select(s => s.Kind).Distinct().ToListAsync(ct);
        var readings = new Dictionary<int, LedgerReading>();
        foreach (var leaf in leaves) readings[leaf.Id] = await ReadOneAsync(leaf, values, files, ct);
        return readings;
    }

    private async Task<LedgerReading> ReadOneAsync(Indicator leaf, LedgerIndicators values, List<LedgerKind> files, CancellationToken ct)
    {
        var source = LedgerSources.Find(leaf.DataSource) ?? throw new InvalidDataException($"unknown data source {leaf.DataSource}");
        var rule = PointsRule.Parse(leaf.PointsRule!);
        var v = values[source.Code] ?? throw new InvalidDataException($"ComputeLedgerIndicators gave no {source.Code}");
        LedgerReading NoData(string why) => new(null, v.Formula, why, values.AsOf, null, ComputedTexts.NoDataScoring);
        if (!files.Contains(source.Needs)) return NoData(ComputedTexts.NoSnapshot(source.Needs == LedgerKind.Contracts));
        if (v.Value is not { } value) return NoData(ComputedTexts.NotComputable(v.Numbers));
        if (!rule.AgainstProvince)
        {
            var outcome = rule.Apply(value, leaf.MaxPoints);
            return new(value, v.Formula, v.Numbers, values.AsOf, outcome.Points, $"{rule}：{outcome.Working}");
        }
        var (rate, numbers) = source.Province!(await ProvinceAsync(values.AsOf, values.Year, ct));
        if (rate is not { } line) return NoData(ComputedTexts.ProvinceMissing(numbers));
        var o = rule.Apply(value, leaf.MaxPoints, line);
        return new(value, v.Formula, $"{v.Numbers}；{ComputedTexts.Province(numbers)}", values.AsOf, o.Points, $"{rule}：{o.Working}");
    }

    /// <summary>The province-level figures as of the same date: every unit's current snapshots, whatever the scorer's scope.</summary>
    private async Task<LedgerTotals> ProvinceAsync(DateOnly asOf, int year, CancellationToken ct)
    {
        var ids = await db.LedgerSnapshots.Where(s => s.SupersededAtUtc == null && s.Kind == LedgerKind.Instalments).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var key = string.Create(CultureInfo.InvariantCulture, $"{asOf:yyyy-MM-dd}|{year}|{string.Join(',', ids)}");
        return await province.GetAsync(key, async () =>
            (await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Province), UserScope.System, ct: ct)).Rows[^1].Totals);
    }
}
