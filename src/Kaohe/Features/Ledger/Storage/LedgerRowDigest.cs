using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The digest of one snapshot's rows, recorded in the import's audit entry and checked by `audit verify --data`
/// (issue 22 §3): HMAC-SHA256, with the chain's row key (derived from the data key), over the rows in their order in the
/// snapshot (a 还款计划 row's ordinal, a contract's id: the file's order, in which the import writes them), with their
/// count. Made in the import's one pass over the rows, a buffer of rows at a time (a hash call per row cost six times
/// as much); keyed, so one who can change rows but lacks the key cannot make rows that match it. A row is its stored
/// fields in a fixed binary form: numbers little-endian, dates as day numbers (-1 for none), text as UTF-8 with its
/// length, the ciphertexts as they are stored.
/// </summary>
internal sealed class LedgerRowDigest(byte[] key) : IDisposable
{
    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _at;
    private string? _hex;

    public long Rows { get; private set; }

    /// <summary>The digest of the rows added; no row may be added after.</summary>
    public string Hex
    {
        get
        {
            if (_hex is null)
            {
                _hmac.AppendData(_buffer, 0, _at);
                Span<byte> count = stackalloc byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(count, Rows);
                _hmac.AppendData(count);
                _hex = Convert.ToHexStringLower(_hmac.GetHashAndReset());
            }
            return _hex;
        }
    }

    /// <summary>What each snapshot's digest recorded, for the import's audit entry; the digests are done with.</summary>
    public static Dictionary<int, SnapshotPlan.RecordedRows> Take(Dictionary<int, LedgerRowDigest> digests)
    {
        var recorded = digests.ToDictionary(d => d.Key, d => new SnapshotPlan.RecordedRows(d.Value.Rows, d.Value.Hex));
        foreach (var d in digests.Values) d.Dispose();
        digests.Clear();
        return recorded;
    }

    /// <summary>The digest of a snapshot without rows.</summary>
    public static string Empty(byte[] key)
    {
        using var digest = new LedgerRowDigest(key);
        return digest.Hex;
    }

    /// <param name="contract">The contract number as UTF-8, as the writer holds it.</param>
    public void AddInstalment(int snapshot, int ordinal, int unit, long borrowerKey, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> name, int dueDay,
        long duePrincipal, long dueInterest, long paidPrincipal, long paidInterest, int paidDay)
    {
        var w = new RowWriter(stackalloc byte[512]);
        w.Int(snapshot); w.Int(ordinal); w.Int(unit); w.Long(borrowerKey); w.Utf8(contract); w.Utf8(name); w.Int(dueDay);
        w.Long(duePrincipal); w.Long(dueInterest); w.Long(paidPrincipal); w.Long(paidInterest); w.Int(paidDay);
        Add(w.Written);
    }

    public void AddInstalment(Instalment i) => AddInstalment(i.SnapshotId, i.Ordinal, i.UnitId, i.BorrowerKey,
        Encoding.UTF8.GetBytes(i.ContractNumber), Encoding.UTF8.GetBytes(i.BorrowerName),
        i.DueDate.DayNumber, i.DuePrincipalFen, i.DueInterestFen, i.PaidPrincipalFen, i.PaidInterestFen, i.PaidDate?.DayNumber ?? -1);

    public void AddContract(int snapshot, int unit, string number, int schoolYear, long borrowerKey, byte[] idCipher, string name, string? coName,
        byte[]? coIdCipher, byte[]? phoneCipher, string? university, int studyYears, int enrolmentYear, long amount, int status, int receiptDay, int confirmedDay)
    {
        var w = new RowWriter(stackalloc byte[2048]);
        w.Int(snapshot); w.Int(unit); w.Text(number); w.Int(schoolYear); w.Long(borrowerKey); w.Bytes(idCipher); w.Text(name); w.Text(coName);
        w.Bytes(coIdCipher); w.Bytes(phoneCipher); w.Text(university); w.Int(studyYears); w.Int(enrolmentYear); w.Long(amount); w.Int(status);
        w.Int(receiptDay); w.Int(confirmedDay);
        Add(w.Written);
    }

    public void AddContract(Contract c) => AddContract(c.SnapshotId, c.UnitId, c.ContractNumber, c.SchoolYear, c.BorrowerKey, c.IdNumberCipher, c.BorrowerName,
        c.CoBorrowerName, c.CoBorrowerIdNumberCipher, c.PhoneCipher, c.University, c.StudyYears, c.EnrolmentYear, c.AmountFen, (int)c.Status,
        c.ReceiptEnteredOn?.DayNumber ?? -1, c.GraduationConfirmedOn?.DayNumber ?? -1);

    private void Add(ReadOnlySpan<byte> row)
    {
        if (_hex is not null) throw new InvalidOperationException("digest already taken");
        if (_at + row.Length > _buffer.Length)
        {
            _hmac.AppendData(_buffer, 0, _at);
            _at = 0;
        }
        if (row.Length > _buffer.Length) _hmac.AppendData(row);
        else
        {
            row.CopyTo(_buffer.AsSpan(_at));
            _at += row.Length;
        }
        Rows++;
    }

    public void Dispose() => _hmac.Dispose();

    /// <summary>Fields one after another; a row too long for the buffer (a field at its limit in every column) grows it on the heap.</summary>
    private ref struct RowWriter(Span<byte> buffer)
    {
        private Span<byte> _buffer = buffer;
        private int _at;

        public readonly ReadOnlySpan<byte> Written => _buffer[.._at];

        public void Int(int v) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), v);

        public void Long(long v) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), v);

        public void Text(string? s)
        {
            if (s is null) { Int(-1); return; }
            var length = Encoding.UTF8.GetByteCount(s);
            Int(length);
            Encoding.UTF8.GetBytes(s, Take(length));
        }

        public void Utf8(ReadOnlySpan<byte> text)
        {
            Int(text.Length);
            text.CopyTo(Take(text.Length));
        }

        public void Bytes(byte[]? b)
        {
            Int(b?.Length ?? -1);
            b?.CopyTo(Take(b.Length));
        }

        private Span<byte> Take(int n)
        {
            if (_at + n > _buffer.Length)
            {
                var bigger = new byte[Math.Max(_buffer.Length * 2, _at + n)];
                _buffer[.._at].CopyTo(bigger);
                _buffer = bigger;
            }
            _at += n;
            return _buffer.Slice(_at - n, n);
        }
    }
}
