using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The digest of one snapshot's rows, recorded in the import's audit entry and checked by `audit verify --data`
/// (issue 22 §3): the sum, mod 2^128, of SHA-256(key ‖ row) over its rows, with their count. A sum, so it is made in
/// the import's one pass over the rows, in file order, and checked in any order the database gives them back; keyed
/// (the chain's row key, derived from the data key), so one who can change rows but lacks the key cannot choose
/// changes that leave the sum alone. A row is its stored fields in a fixed binary form: numbers little-endian, dates
/// as day numbers (-1 for none), text as UTF-8 with its length, the ciphertexts as they are stored.
/// </summary>
internal sealed class LedgerRowDigest(byte[] key)
{
    private const int KeyLength = 32;
    private UInt128 _sum;

    public long Rows { get; private set; }

    public string Hex => _sum.ToString("x32", CultureInfo.InvariantCulture);

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
        Span<byte> buffer = KeyLength + row.Length <= 2560 ? stackalloc byte[KeyLength + row.Length] : new byte[KeyLength + row.Length];
        key.CopyTo(buffer);
        row.CopyTo(buffer[KeyLength..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer, hash);
        _sum = unchecked(_sum + BinaryPrimitives.ReadUInt128LittleEndian(hash));
        Rows++;
    }

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
