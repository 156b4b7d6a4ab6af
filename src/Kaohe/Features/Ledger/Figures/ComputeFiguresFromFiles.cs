using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The ledger figures straight from 还款计划 and 合同台账 files (told apart by their headers), without
/// importing: `kaohe ledger stats FILE...`. A file with bad rows is rejected whole. It reads only the
/// unit registry from the database, over a plain connection (see <see cref="UnitResolver.LoadAsync(DatabaseTarget, CancellationToken)"/>).
/// </summary>
public sealed class ComputeFiguresFromFiles(DatabaseTarget target)
{
    public async Task<LedgerReport> HandleAsync(IReadOnlyList<string> paths, LedgerFiguresRequest request, UserScope scope,
        Action<string, long>? progress = null, CancellationToken ct = default)
    {
        var units = await UnitResolver.LoadAsync(target, ct);
        var visible = units.VisibleTo(scope);
        var calc = new LedgerCalculator(request.AsOf, request.EffectiveYear);
        foreach (var path in paths)
        {
            if (LedgerFiles.IsContracts(path))
            {
                var contracts = ContractFile.Read(path, units, visible, ct);
                if (contracts.Errors.Count > 0) throw new ImportRejectedException(contracts.Errors);
                foreach (var c in contracts.Rows)
                    calc.AddContract(c.UnitId, c.IdValue, c.SchoolYear, c.Status, c.ReceiptDay, c.GraduationYear, c.ConfirmedDay);
                continue;
            }
            var result = InstalmentFile.Read(path, units, calc, visible, bytes => progress?.Invoke(path, bytes), hash: false, ct: ct);
            if (!result.IsValid) throw new ImportRejectedException(result.Errors);
        }
        return LedgerReport.Build(request.AsOf, request.EffectiveYear, calc.Finish(), units, request.By);
    }
}
