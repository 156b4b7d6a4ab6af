using System.Runtime.CompilerServices;
using System.Text;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Ledger;
using static Kaohe.Features.Ledger.LedgerTexts;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Checks one 还款计划 row at a time and across rows (a contract belongs to one borrower and unit,
/// one instalment per contract and due date, one name per ID number). Cross-row state is per contract
/// and per borrower, never per row. Every error is counted; the first <see cref="MaxListed"/> are kept.
/// Exports list a contract's rows together, so the contract being read is held as a run: a row of
/// the same contract, ID number and name costs three byte comparisons instead of parsing and lookups.
/// </summary>
/// <param name="fileBytes">The size of what this validator will read, to size its tables (0 when unknown).</param>
/// <param name="partOfFile">
/// It checks one part of a file read on all cores: the rules between runs of a contract or a borrower are checked once,
/// by <see cref="Settle"/>, when the part is read, and a part that breaks one gives up rather than report it.
/// </param>
public sealed partial class InstalmentValidator(UnitResolver units, Func<int, bool>? unitAllowed = null, long fileBytes = 0, bool partOfFile = false)
{
    public const int MaxListed = 1000;
    private readonly ContractDays _days = new(LedgerSizing.Contracts(fileBytes), partOfFile);
    private readonly Dictionary<long, (int NameHash, int Line)> _names = new(partOfFile ? 0 : LedgerSizing.Borrowers(fileBytes));
    private readonly BorrowerNames? _partNames = partOfFile ? new BorrowerNames(LedgerSizing.Borrowers(fileBytes)) : null;
    private readonly ContractRun _run = new();
    private byte[] _unitBytes = [];
    private int _unitId = -1;

    public List<ImportError> Errors { get; } = [];
    public int ErrorCount { get; private set; }
    public HashSet<int> UnitIds { get; } = [];

    /// <summary>罚息及多还 per unit: the valid rows that paid more than they were due (accepted, and reported as a warning).</summary>
    public Dictionary<int, Overpaid> Overpaid { get; } = [];

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
        var unitId = Unit(line, unit, encoding);
        var sameRun = _run.Matches(contract, id, name, unitId);
        var idNumber = sameRun ? _run.IdNumber : Identity(line, contract, id, name, encoding);
        var dueDay = Date(line, DueDate, due, required: true);
        var duePrincipal = Amount(line, DuePrincipal, dp);
        var dueInterest = Amount(line, DueInterest, di);
        var paidPrincipal = pp.IsEmpty ? 0 : Amount(line, PaidPrincipal, pp);
        var paidInterest = pi.IsEmpty ? 0 : Amount(line, PaidInterest, pi);
        var paidDay = Date(line, PaidDate, paidDate, required: false);
        var problems = Payments.Check(paidPrincipal, paidInterest, paidDate.IsEmpty, paidDay);
        if (problems != 0) ReportPayments(line, problems);
        row = new InstalmentRow(line, unitId, idNumber, dueDay, duePrincipal, dueInterest, paidPrincipal, paidInterest, paidDay);
        if (ErrorCount != before || (!sameRun && !StartRun(row, contract, id, name))) return false;
        var earlier = _run.AddDay(_days, dueDay, line);
        if (earlier >= 0) Error(line, DueDate, DuplicateInstalment(earlier));
        else if (row.Paid > row.Due) NoteOverpaid(row);
        return earlier < 0;
    }

    private void NoteOverpaid(in InstalmentRow row) =>
        Overpaid[row.UnitId] = Overpaid.GetValueOrDefault(row.UnitId).Plus(Domain.Ledger.Overpaid.Of(row.Due, row.Paid));

    /// <summary>Adds another part's 罚息及多还 to this validator's.</summary>
    public void JoinOverpaid(InstalmentValidator other)
    {
        foreach (var (unit, o) in other.Overpaid) Overpaid[unit] = Overpaid.GetValueOrDefault(unit).Plus(o);
    }

    private int Unit(int line, ReadOnlySpan<byte> unit, Encoding encoding)
    {
        if (_unitId >= 0 && unit.SequenceEqual(_unitBytes)) return _unitId;
        if (unit.IsEmpty) return Missing(line, LedgerTexts.Unit);
        var id = units.Resolve(unit, encoding);
        if (id < 0) Error(line, LedgerTexts.Unit, UnknownUnit(encoding.GetString(unit)));
        else if (unitAllowed is not null && !unitAllowed(id)) Error(line, LedgerTexts.Unit, NotAllowed);
        else
        {
            (_unitBytes, _unitId) = (unit.ToArray(), id);
            UnitIds.Add(id);
        }
        return id;
    }

    private void ReportPayments(int line, PaymentProblems problems)
    {
        if (problems.HasFlag(PaymentProblems.PaidWithoutDate)) Error(line, PaidDate, PaidWithoutDate);
        if (problems.HasFlag(PaymentProblems.DateWithoutPaid)) Error(line, PaidDate, DateWithoutPaid);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Date(int line, string column, ReadOnlySpan<byte> s, bool required)
    {
        if (s.IsEmpty) return required ? Missing(line, column) : -1;
        var day = LedgerDate.ParseDayNumber(s);
        if (day < 0) Error(line, column, BadDate);
        return day;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Amount(int line, string column, ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty) return Missing(line, column);
        var fen = Yuan.ParseFen(s);
        if (fen < 0) Error(line, column, BadAmount);
        return fen;
    }

    /// <summary>XXH3, 64 bits: identifies a contract number (or a name) within one file.</summary>
    internal static ulong Hash64(ReadOnlySpan<byte> s) => System.IO.Hashing.XxHash3.HashToUInt64(s);
}
