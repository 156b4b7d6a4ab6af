using System.Runtime.InteropServices;
using System.Text;
using Kaohe.Domain.Ledger;
using static Kaohe.Features.Ledger.LedgerTexts;

namespace Kaohe.Features.Ledger;

/// <summary>The validator's contract runs: the fast path for a row that continues one, opening a new one, and the checks between parts.</summary>
public sealed partial class InstalmentValidator
{
    /// <summary>
    /// The fast path for a row of the bank's column layout that continues the open run: its bytes up to the
    /// name are the previous row's, so only the six payment fields are split and parsed, by the same parsers.
    /// A row it does not accept outright (a bad value, spaces, quotes, another form) is left to <see cref="TryParse"/>,
    /// which gives the same answer for every row this accepts.
    /// </summary>
    /// <param name="buffered">The bytes from the row's start on (at least the row, with its line break).</param>
    /// <param name="length">The row's length with its line break, when taken.</param>
    public bool TryContinueRun(ReadOnlySpan<byte> buffered, int lineNumber, out InstalmentRow row, out int length)
    {
        (row, length) = (default, 0);
        Payments.Ends ends = default;
        if (!_run.Continues(buffered, out var tail) || !Payments.Split(tail, ref ends, out var tailLength)) return false;
        var dueDay = LedgerDate.ParseDayNumber(tail, 0, ends[0]);
        var dp = Yuan.ParseFen(tail, ends[0] + 1, ends[1]);
        var di = Yuan.ParseFen(tail, ends[1] + 1, ends[2]);
        var pp = Payments.Optional(tail, ends[2] + 1, ends[3]);
        var pi = Payments.Optional(tail, ends[3] + 1, ends[4]);
        var noPaidDate = ends[4] + 1 == ends[5];
        var paidDay = noPaidDate ? -1 : LedgerDate.ParseDayNumber(tail, ends[4] + 1, ends[5]);
        if (dueDay < 0 || dp < 0 || di < 0 || pp < 0 || pi < 0 || (paidDay < 0 && !noPaidDate) || Payments.Check(pp, pi, noPaidDate, paidDay) != 0) return false;
        if (_run.AddDay(_days, dueDay, lineNumber) >= 0) return false;
        row = new InstalmentRow(lineNumber, _run.Unit, _run.IdNumber, dueDay, dp, di, pp, pi, paidDay);
        if (row.Paid > row.Due) NoteOverpaid(row);
        length = buffered.Length - tail.Length + tailLength;
        return true;
    }

    /// <summary>Lets <see cref="TryContinueRun"/> take the next rows of the run: the raw bytes of this row's first four fields, with the comma after them.</summary>
    public void RememberRunStart(ReadOnlySpan<byte> rawPrefix) => _run.RememberPrefix(rawPrefix);

    /// <summary>The open run's contract number and name (what a sink receives with a row of <see cref="TryContinueRun"/>).</summary>
    public ReadOnlySpan<byte> RunContract => _run.Contract;

    public ReadOnlySpan<byte> RunName => _run.Name;

    /// <summary>The ID number of a row that starts a new run, with the checks a run skips.</summary>
    private long Identity(int line, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name, Encoding encoding)
    {
        if (contract.IsEmpty) Missing(line, ContractColumn);
        else CheckText(line, ContractColumn, contract, encoding, LedgerLimits.ContractNumber);
        if (name.IsEmpty) Missing(line, Name);
        else CheckText(line, Name, name, encoding, LedgerLimits.PersonName);
        if (id.IsEmpty) return Missing(line, IdColumn);
        var number = id.SequenceEqual(_run.Id) ? _run.IdNumber : IdNumber.Parse(id);
        if (number < 0) Error(line, IdColumn, BadIdNumber);
        return number;
    }

    /// <summary>
    /// A stored text field: decodable (the encoding is chosen from the file's start, so a bad byte further on is
    /// this row's error) and not longer than its column.
    /// </summary>
    private void CheckText(int line, string column, ReadOnlySpan<byte> bytes, Encoding encoding, int maxChars)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage && !System.Text.Unicode.Utf8.IsValid(bytes)) Error(line, column, NotText);
        else if (bytes.Length > maxChars && encoding.GetCharCount(bytes) > maxChars) Error(line, column, TooLong(maxChars));
    }

    /// <summary>Leaves the current run (its days are kept per contract) and opens the row's contract, checked against earlier rows.</summary>
    private bool StartRun(in InstalmentRow row, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name)
    {
        var before = ErrorCount;
        _days.Store(_run);
        _run.Close(); // the days may move (a part's list compacted), and a row in error begins no run
        var key = Hash64(contract);
        var opened = _days.Open(key, row);
        var first = opened.Entry;
        if (first.IdNumber != row.IdNumber || first.Unit != row.UnitId) Error(row.Line, ContractColumn, ContractOtherBorrower(first.Line));
        if (!(id.SequenceEqual(_run.Id) && name.SequenceEqual(_run.Name))) CheckName(row, name); // the same borrower's next contract is known
        if (ErrorCount != before) return false;
        _run.Begin(key, opened, contract, id, name);
        return true;
    }

    private void CheckName(in InstalmentRow row, ReadOnlySpan<byte> name)
    {
        var nameHash = unchecked((int)Hash64(name));
        if (_partNames is not null)
        {
            _partNames.Add(row.IdNumber, nameHash);
            return;
        }
        ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(_names, row.IdNumber, out var exists);
        if (!exists) n = (nameHash, row.Line);
        else if (n.NameHash != nameHash) Error(row.Line, Name, NameDiffers(n.Line));
    }

    /// <summary>
    /// A part of a file, read: checks its runs of a contract and its names of a borrower against each other (see
    /// <see cref="ContractDays.Settle"/>); false when they break a rule together, or the part could not tell.
    /// </summary>
    public bool Settle()
    {
        if (_partNames is null) throw new InvalidOperationException("only a part of a file is settled");
        _days.Store(_run);
        return _days.Settle() && _partNames.Settle();
    }

    /// <summary>
    /// Whether rows checked by <paramref name="other"/> (another part of the same file) break a cross-row
    /// rule together with rows checked here. Run on valid, settled parts only; a conflict sends the file to one
    /// sequential pass, which reports it with exact line numbers.
    /// </summary>
    public bool ConflictsWith(InstalmentValidator other) =>
        _days.Overlaps(other._days) || _partNames!.ConflictsWith(other._partNames!);
}
