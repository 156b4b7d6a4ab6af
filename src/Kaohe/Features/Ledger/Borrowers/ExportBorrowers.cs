using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>The exported file and the unit's name (for the file's name).</summary>
public sealed record BorrowerExport(byte[] Content, string UnitName);

/// <summary>
/// A unit's borrower list as CSV or XLSX. Masked by default; clear ID numbers only for a role that may
/// see them, and only after the export is written to the audit trail with the number of people in it.
/// A unit out of scope is NotFound; clear text the role may not see is Forbidden.
/// </summary>
public sealed class ExportBorrowers(KaoheDbContext db, ListBorrowers list)
{
    public static readonly string[] Headers = ["借款人", "身份证号", "合同编号", "累计应还本息", "已还本息", "逾期本息", "逾期天数", "账龄"];

    public async Task<BorrowerExport> HandleAsync(int unitId, DateOnly asOf, TableFormat format, bool unmask, UserScope scope, CancellationToken ct = default)
    {
        if (unmask && !scope.MayUnmask(unitId))
        {
            if (!await db.UnitsVisibleTo(scope).AnyAsync(u => u.Id == unitId, ct)) throw KaoheException.NotFound(LedgerPageTexts.NotFound);
            throw KaoheException.Forbidden(LedgerPageTexts.UnmaskForbidden);
        }
        var borrowers = await list.ReadAsync(unitId, asOf, scope, overdueOnly: false, page: 1, pageSize: int.MaxValue, clearText: unmask, ct);
        if (unmask)
        {
            await Masking.RecordUnmaskedViewAsync(db, new UnmaskedView(LedgerPageTexts.AuditBorrowerExport, unitId.ToString(CultureInfo.InvariantCulture), unitId,
                LedgerPageTexts.AuditWholeUnit(borrowers.UnitName), [LedgerPageTexts.IdNumberField], borrowers.Total, Purpose: LedgerPageTexts.AuditExportPurpose(format)), ct);
        }
        var rows = borrowers.Borrowers.Select(b => (IReadOnlyList<string>)
        [
            b.Name, b.IdNumber, string.Join("、", b.Contracts), LedgerPageTexts.Yuan(b.Position.DueFen), LedgerPageTexts.Yuan(b.Position.PaidFen),
            LedgerPageTexts.Yuan(b.Position.OverdueFen), b.Position.OverdueFen > 0 ? b.Position.DaysOverdue.ToString(CultureInfo.InvariantCulture) : "", b.Position.Bucket ?? "",
        ]);
        return new BorrowerExport(TableWriter.Write(Headers, rows, format), borrowers.UnitName);
    }
}
