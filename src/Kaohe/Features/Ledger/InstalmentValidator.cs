using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
public sealed class InstalmentValidator(UnitResolver units, Func<int, bool>? unitAllowed = null, long fileBytes = 0)
{
    public const int MaxListed = 1000;
    private readonly ContractDays _days = new(LedgerSizing.Contracts(fileBytes));
    private readonly Dictionary<long, (int NameHash, int Line)> _names = new(LedgerSizing.Borrowers(fileBytes));
    private readonly ContractRun _run = new();
    private byte[] _unitBytes = [];
    private int _unitId = -1;

    public List<ImportError> Errors { get; } = [];
    public int ErrorCount { get; private set; }
    public HashSet<int> UnitIds { get; } = [];

    public void Error(int line, string? column, string message)
    {
        if (++ErrorCount <= MaxListed) Errors.Add(new ImportError(line, column, message));
    }

    /// <summary>Validates the ten fields (in <see cref="InstalmentColumns.All"/> order); false with errors recorded when bad.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParse(int line, ReadOnlySpan<byte> unit, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name,
        ReadOnlySpan<byte> due, ReadOnlySpan<byte> dp, ReadOnlySpan<byte> di, ReadOnlySpan<byte> pp, ReadOnlySpan<byte> pi, ReadOnlySpan<byte> paidDate,
        Encoding encoding, out InstalmentRow row)
    {
        var before = ErrorCount;
        var unitId = Unit(line, unit, encoding);
        var sameRun = _run.Matches(contract, id, name, unitId);
        var idNumber = sameRun ? _run.IdNumber : Identity(line, contract, id, name);
        var dueDay = Date(line, DueDate, due, required: true);
        var duePrincipal = Amount(line, DuePrincipal, dp);
        var dueInterest = Amount(line, DueInterest, di);
        var paidPrincipal = pp.IsEmpty ? 0 : Amount(line, PaidPrincipal, pp);
        var paidInterest = pi.IsEmpty ? 0 : Amount(line, PaidInterest, pi);
        var paidDay = Date(line, PaidDate, paidDate, required: false);
        var problems = Payments.Check(duePrincipal, dueInterest, paidPrincipal, paidInterest, paidDate.IsEmpty, paidDay);
        if (problems != 0) ReportPayments(line, problems);
        row = new InstalmentRow(line, unitId, idNumber, dueDay, duePrincipal, dueInterest, paidPrincipal, paidInterest, paidDay);
        if (ErrorCount != before || (!sameRun && !StartRun(row, contract, id, name))) return false;
        var earlier = _run.AddDay(_days, dueDay, line);
        if (earlier >= 0) Error(line, DueDate, DuplicateInstalment(earlier));
        return earlier < 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// The fast path for a row of the bank's column layout that continues the open run: its bytes up to the
    /// name are the previous row's, so only the six payment fields are split and parsed, by the same parsers.
    /// A row it does not accept outright (a bad value, spaces, quotes, another form) is left to <see cref="TryParse"/>,
    /// which gives the same answer for every row this accepts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryContinueRun(ReadOnlySpan<byte> line, int lineNumber, out InstalmentRow row)
    {
        row = default;
        Span<int> ends = stackalloc int[Payments.Fields];
        if (!_run.Continues(line, out var tail) || !Payments.Split(tail, ends)) return false;
        var dueDay = LedgerDate.ParseDayNumber(tail[..ends[0]]);
        var dp = Yuan.ParseFen(tail[(ends[0] + 1)..ends[1]]);
        var di = Yuan.ParseFen(tail[(ends[1] + 1)..ends[2]]);
        var pp = Payments.Optional(tail[(ends[2] + 1)..ends[3]]);
        var pi = Payments.Optional(tail[(ends[3] + 1)..ends[4]]);
        var paidDate = tail[(ends[4] + 1)..];
        var paidDay = paidDate.IsEmpty ? -1 : LedgerDate.ParseDayNumber(paidDate);
        if (dueDay < 0 || dp < 0 || di < 0 || pp < 0 || pi < 0 || (paidDay < 0 && !paidDate.IsEmpty) || Payments.Check(dp, di, pp, pi, paidDate.IsEmpty, paidDay) != 0) return false;
        if (_run.AddDay(_days, dueDay, lineNumber) >= 0) return false;
        row = new InstalmentRow(lineNumber, _run.Unit, _run.IdNumber, dueDay, dp, di, pp, pi, paidDay);
        return true;
    }

    /// <summary>Lets <see cref="TryContinueRun"/> take the next rows of the run: the raw bytes of this row's first four fields, with the comma after them.</summary>
    public void RememberRunStart(ReadOnlySpan<byte> rawPrefix) => _run.RememberPrefix(rawPrefix);

    /// <summary>The open run's contract number and name (what a sink receives with a row of <see cref="TryContinueRun"/>).</summary>
    public ReadOnlySpan<byte> RunContract => _run.Contract;

    public ReadOnlySpan<byte> RunName => _run.Name;

    private void ReportPayments(int line, PaymentProblems problems)
    {
        if (problems.HasFlag(PaymentProblems.PrincipalOverDue)) Error(line, PaidPrincipal, PaidOverDue(PaidPrincipal));
        if (problems.HasFlag(PaymentProblems.InterestOverDue)) Error(line, PaidInterest, PaidOverDue(PaidInterest));
        if (problems.HasFlag(PaymentProblems.PaidWithoutDate)) Error(line, PaidDate, PaidWithoutDate);
        if (problems.HasFlag(PaymentProblems.DateWithoutPaid)) Error(line, PaidDate, DateWithoutPaid);
    }

    /// <summary>The ID number of a row that starts a new run, with the checks a run skips.</summary>
    private long Identity(int line, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name)
    {
        if (contract.IsEmpty) Missing(line, ContractColumn);
        if (name.IsEmpty) Missing(line, Name);
        if (id.IsEmpty) return Missing(line, IdColumn);
        var number = id.SequenceEqual(_run.Id) ? _run.IdNumber : IdNumber.Parse(id);
        if (number < 0) Error(line, IdColumn, BadIdNumber);
        return number;
    }

    /// <summary>Leaves the current run (its days are kept per contract) and opens the row's contract, checked against earlier rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StartRun(in InstalmentRow row, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name)
    {
        var before = ErrorCount;
        _days.Store(_run);
        var key = Hash64(contract);
        var first = _days.Open(key, row);
        if (first.IdNumber != row.IdNumber || first.Unit != row.UnitId) Error(row.Line, ContractColumn, ContractOtherBorrower(first.Line));
        if (!(id.SequenceEqual(_run.Id) && name.SequenceEqual(_run.Name))) CheckName(row, name); // the same borrower's next contract is known
        if (ErrorCount != before) return false;
        _run.Begin(key, first, contract, id, name);
        return true;
    }

    private void CheckName(in InstalmentRow row, ReadOnlySpan<byte> name)
    {
        var nameHash = unchecked((int)Hash64(name));
        ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(_names, row.IdNumber, out var exists);
        if (!exists) n = (nameHash, row.Line);
        else if (n.NameHash != nameHash) Error(row.Line, Name, NameDiffers(n.Line));
    }

    /// <summary>
    /// Whether rows checked by <paramref name="other"/> (another part of the same file) break a cross-row
    /// rule together with rows checked here. Run on valid parts only; a conflict sends the file to one
    /// sequential pass, which reports it with exact line numbers.
    /// </summary>
    public bool ConflictsWith(InstalmentValidator other)
    {
        _days.Store(_run);
        other._days.Store(other._run);
        if (_days.Overlaps(other._days)) return true;
        foreach (var (id, n) in other._names)
        {
            if (_names.TryGetValue(id, out var mine) && mine.NameHash != n.NameHash) return true;
        }
        return false;
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
