using System.Text;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Ledger;
using static Kaohe.Features.Ledger.LedgerTexts;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Checks one 还款计划 row at a time and across rows (a contract belongs to one borrower and unit,
/// one instalment per contract and year, one name per ID number). Cross-row state is per contract
/// and per borrower, never per row. Every error is counted; the first <see cref="MaxListed"/> are kept.
/// </summary>
public sealed class InstalmentValidator(UnitResolver units, Func<int, bool>? unitAllowed = null)
{
    public const int MaxListed = 1000;
    private readonly Dictionary<ulong, (long Id, int Unit, int Line, int MonthDay, ulong Years)> _contracts = [];
    private readonly Dictionary<(ulong Contract, int Day), int> _otherDays = [];
    private readonly Dictionary<long, (int NameHash, int Line)> _names = [];

    public List<ImportError> Errors { get; } = [];
    public int ErrorCount { get; private set; }
    public HashSet<int> UnitIds { get; } = [];

    public void Error(int line, string? column, string message)
    {
        if (++ErrorCount <= MaxListed) Errors.Add(new ImportError(line, column, message));
    }

    /// <summary>Validates the ten fields (in <see cref="InstalmentColumns.All"/> order); false with errors recorded when bad.</summary>
    public bool TryParse(int line, ReadOnlySpan<byte> unit, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name,
        ReadOnlySpan<byte> due, ReadOnlySpan<byte> dp, ReadOnlySpan<byte> di, ReadOnlySpan<byte> pp, ReadOnlySpan<byte> pi, ReadOnlySpan<byte> paidDate,
        Encoding encoding, out InstalmentRow row)
    {
        var before = ErrorCount;
        var unitId = unit.IsEmpty ? Missing(line, LedgerTexts.Unit) : units.Resolve(unit, encoding);
        if (unitId < 0 && !unit.IsEmpty) Error(line, LedgerTexts.Unit, UnknownUnit(encoding.GetString(unit)));
        else if (unitId >= 0 && unitAllowed is not null && !unitAllowed(unitId)) Error(line, LedgerTexts.Unit, NotAllowed);
        if (contract.IsEmpty) Missing(line, ContractColumn);
        if (name.IsEmpty) Missing(line, Name);
        var idNumber = id.IsEmpty ? Missing(line, IdColumn) : Domain.Ledger.IdNumber.Parse(id);
        if (idNumber < 0 && !id.IsEmpty) Error(line, IdColumn, BadIdNumber);
        var dueDay = Date(line, DueDate, due, required: true);
        var duePrincipal = Amount(line, DuePrincipal, dp);
        var dueInterest = Amount(line, DueInterest, di);
        var paidPrincipal = pp.IsEmpty ? 0 : Amount(line, PaidPrincipal, pp);
        var paidInterest = pi.IsEmpty ? 0 : Amount(line, PaidInterest, pi);
        var paidDay = Date(line, PaidDate, paidDate, required: false);
        if (paidPrincipal > duePrincipal && duePrincipal >= 0) Error(line, PaidPrincipal, PaidOverDue(PaidPrincipal));
        if (paidInterest > dueInterest && dueInterest >= 0) Error(line, PaidInterest, PaidOverDue(PaidInterest));
        if (paidPrincipal + paidInterest > 0 && paidDate.IsEmpty) Error(line, PaidDate, PaidWithoutDate);
        if (paidPrincipal == 0 && paidInterest == 0 && paidDay >= 0) Error(line, PaidDate, DateWithoutPaid);
        row = new InstalmentRow(line, unitId, idNumber, dueDay, duePrincipal, dueInterest, paidPrincipal, paidInterest, paidDay);
        if (ErrorCount != before) return false;
        CheckAcrossRows(row, contract, name);
        if (ErrorCount != before) return false;
        UnitIds.Add(unitId);
        return true;
    }

    private void CheckAcrossRows(in InstalmentRow row, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> name)
    {
        // Schedules fall due on the same day each year (12-20): one bit per year covers them; a
        // contract's rows on another day of the year are checked exactly in a small overflow set.
        var key = Hash64(contract);
        var due = DateOnly.FromDayNumber(row.DueDay);
        var monthDay = due.Month * 32 + due.Day;
        var yearBit = due.Year - 2000 is var y and >= 0 and < 64 ? 1UL << y : 0;
        if (_contracts.TryGetValue(key, out var c))
        {
            if (c.Id != row.IdNumber || c.Unit != row.UnitId) Error(row.Line, ContractColumn, ContractOtherBorrower(c.Line));
            else if (monthDay == c.MonthDay && yearBit != 0)
            {
                if ((c.Years & yearBit) != 0) Error(row.Line, DueDate, DuplicateInstalment(c.Line));
                _contracts[key] = c with { Years = c.Years | yearBit };
            }
            else if (!_otherDays.TryAdd((key, row.DueDay), row.Line)) Error(row.Line, DueDate, DuplicateInstalment(_otherDays[(key, row.DueDay)]));
        }
        else _contracts[key] = (row.IdNumber, row.UnitId, row.Line, monthDay, yearBit);

        var nameHash = unchecked((int)Hash64(name));
        if (_names.TryGetValue(row.IdNumber, out var n))
        {
            if (n.NameHash != nameHash) Error(row.Line, Name, NameDiffers(n.Line));
        }
        else _names[row.IdNumber] = (nameHash, row.Line);
    }

    /// <summary>The errors to report: the listed ones, headed by the total when some were left out.</summary>
    public List<ImportError> Report()
    {
        var list = Errors.OrderBy(e => e.Row).ToList();
        if (ErrorCount > list.Count) list.Insert(0, new ImportError(0, null, TooManyErrors(ErrorCount, list.Count)));
        return list;
    }

    private int Missing(int line, string column)
    {
        Error(line, column, Required);
        return -1;
    }

    private int Date(int line, string column, ReadOnlySpan<byte> s, bool required)
    {
        if (s.IsEmpty) return required ? Missing(line, column) : -1;
        var day = LedgerDate.ParseDayNumber(s);
        if (day < 0) Error(line, column, BadDate);
        return day;
    }

    private long Amount(int line, string column, ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty) return Missing(line, column);
        var fen = Yuan.ParseFen(s);
        if (fen < 0) Error(line, column, BadAmount);
        return fen;
    }

    /// <summary>FNV-1a, 64 bits: identifies a contract number within one file.</summary>
    internal static ulong Hash64(ReadOnlySpan<byte> s)
    {
        var h = 14695981039346656037UL;
        foreach (var b in s) h = unchecked((h ^ b) * 1099511628211UL);
        return h;
    }
}
