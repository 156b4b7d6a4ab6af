using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>The offline scoring workbook for the units this account scores at this stage now, pre-filled (<see cref="ScoringWorkbook"/>).</summary>
public sealed class DownloadScoringWorkbook(KaoheDbContext db, ScoreFromLedger ledger)
{
    public async Task<byte[]> HandleAsync(int campaignId, Stage stage, UserScope scope, TableFormat format = TableFormat.Xlsx, CancellationToken ct = default)
    {
        var units = await ScoringWorkbook.WorkableAsync(db, campaignId, stage, scope, ct);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var u in units)
        {
            var readings = await ledger.ReadAsync(u, scope, ct);
            var source = u.ResultOf(stage) ?? u.PreviousOf(stage);
            foreach (var leaf in u.Campaign.Scheme!.Leaves)
                rows.Add(ScoringWorkbook.Row(u, leaf, source?.Scores.FirstOrDefault(x => x.IndicatorId == leaf.Id), readings.GetValueOrDefault(leaf.Id)));
        }
        return TableWriter.Write(ScoringWorkbook.Columns.Select(c => c.Name).ToList(), rows, format);
    }
}
