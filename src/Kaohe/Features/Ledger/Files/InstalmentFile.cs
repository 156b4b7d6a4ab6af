using System.Security.Cryptography;
using System.Text;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Ledger;
using MiniExcelLibs;

namespace Kaohe.Features.Ledger;

/// <summary>What one pass over a 还款计划 file found.</summary>
/// <param name="Overpaid">罚息及多还 per unit: valid rows that paid more than they were due (a warning, not an error).</param>
public sealed record InstalmentFileResult(string FileName, string Sha256, long Rows, IReadOnlySet<int> UnitIds, List<ImportError> Errors,
    IReadOnlyDictionary<int, Overpaid> Overpaid)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a 还款计划 file (CSV in UTF-8/GBK/GB18030 with the streaming byte parser, or XLSX) once,
/// validating every row and handing each valid row to a sink. The same pass serves import and
/// figures from files. A large CSV is read in parts on all cores when the sink can be partitioned
/// (or there is none); <paramref name="progress"/> receives the bytes read so far. A cancelled read
/// stops at its next progress point (every 65,536 rows; read in parts, also before each chunk) and
/// throws <see cref="OperationCanceledException"/>: a province's file takes seconds to read.
/// </summary>
public static class InstalmentFile
{
    public static InstalmentFileResult Read(string path, UnitResolver units, IInstalmentSink? sink,
        Func<int, bool>? unitAllowed = null, Action<long>? progress = null, bool hash = true, CancellationToken ct = default) =>
        Read(path, units, sink, unitAllowed, progress, hash, parts: 0, ct);

    /// <param name="parts">How many parts to read a CSV in: 0 for one per core when the file is large, 1 for one pass.</param>
    internal static InstalmentFileResult Read(string path, UnitResolver units, IInstalmentSink? sink,
        Func<int, bool>? unitAllowed, Action<long>? progress, bool hash, int parts, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (!TabularFile.IsXlsx(path) && parts != 1 && sink is null or IPartitionedSink
            && InstalmentFileParts.TryRead(path, units, (IPartitionedSink?)sink, unitAllowed, progress, hash, parts, ct) is { } parallel)
            return parallel;
        var validator = new InstalmentValidator(units, unitAllowed, new FileInfo(path).Length);
        string sha;
        long rows;
        if (TabularFile.IsXlsx(path))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            rows = ReadXlsx(path, validator, sink, ct);
        }
        else
        {
            using var hashing = new HashingStream(File.OpenRead(path), hash);
            rows = ReadCsv(hashing, validator, sink, progress, ct);
            sha = hashing.Finish();
        }
        return Result(path, sha, rows, validator);
    }

    internal static InstalmentFileResult Result(string path, string sha, long rows, InstalmentValidator validator)
    {
        if (rows == 0 && validator.ErrorCount == 0) validator.Error(0, null, LedgerTexts.NoRows);
        return new InstalmentFileResult(Path.GetFileName(path), sha, rows, validator.UnitIds, validator.Report(), validator.Overpaid);
    }

    private static long ReadCsv(Stream stream, InstalmentValidator v, IInstalmentSink? sink, Action<long>? progress, CancellationToken ct)
    {
        var csv = new CsvByteReader(stream);
        if (!csv.Read()) return 0;
        var headers = Header(csv);
        var at = InstalmentColumns.Resolve(headers, v.Errors);
        if (v.Errors.Count > 0) { v.Error(0, null, LedgerTexts.NoRows); return 0; }
        return ReadRows(csv, at, headers.Count, v, sink, progress, ct);
    }

    internal static List<string> Header(CsvByteReader csv)
    {
        var headers = new List<string>(csv.FieldCount);
        for (var i = 0; i < csv.FieldCount; i++) headers.Add(csv.GetString(i));
        return headers;
    }

    /// <summary>How many cells the record has up to its last non-empty one, if that is past the header's <paramref name="headerCount"/> columns; else 0.</summary>
    private static int ContentPast(CsvByteReader csv, int headerCount)
    {
        for (var i = csv.FieldCount - 1; i >= headerCount; i--)
            if (!csv[i].IsEmpty) return i + 1;
        return 0;
    }

    /// <summary>Validates every record of <paramref name="csv"/> and hands each valid row to the sink; the number of records.</summary>
    /// <remarks>The token is looked at where progress is reported, every 65,536 records: nothing is added per row.</remarks>
    internal static long ReadRows(CsvByteReader csv, int[] at, int headerCount, InstalmentValidator v, IInstalmentSink? sink, Action<long>? progress,
        CancellationToken ct)
    {
        var (last, bankLayout) = (-1, headerCount == at.Length);
        for (var i = 0; i < at.Length; i++) (last, bankLayout) = (Math.Max(last, at[i]), bankLayout && at[i] == i);
        var figures = sink as LedgerCalculator; // called directly, the sink of most rows read
        long rows = 0;
        while (true)
        {
            if (bankLayout && v.TryContinueRun(csv.Buffered, csv.NextLineNumber, out var next, out var length))
            {
                csv.SkipLine(length);
                if (figures is not null) figures.Add(next);
                else sink?.Accept(next, v.RunContract, v.RunName, csv.Encoding);
            }
            else if (!csv.Read()) break;
            else if (csv.FieldCount < headerCount && csv.FieldCount <= last) v.Error(csv.LineNumber, null, LedgerTexts.WrongFields(headerCount, csv.FieldCount));
            else if (csv.FieldCount > headerCount && ContentPast(csv, headerCount) is var cells and > 0) v.Error(csv.LineNumber, null, TabularTexts.ExtraCells(cells, headerCount));
            else if (v.TryParse(csv.LineNumber, csv[at[0]], csv[at[1]], csv[at[2]], csv[at[3]], csv[at[4]], csv[at[5]], csv[at[6]],
                    csv[at[7]], csv[at[8]], csv[at[9]], csv.Encoding, out var row))
            {
                if (bankLayout) v.RememberRunStart(csv.RawThrough(4));
                sink?.Accept(row, csv[at[1]], csv[at[3]], csv.Encoding);
            }
            if ((++rows & 0xFFFF) == 0)
            {
                progress?.Invoke(csv.Position);
                ct.ThrowIfCancellationRequested();
            }
        }
        progress?.Invoke(csv.Position);
        return rows;
    }

    private static long ReadXlsx(string path, InstalmentValidator v, IInstalmentSink? sink, CancellationToken ct)
    {
        using var file = File.OpenRead(path);
        long rows = 0;
        int[]? at = null;
        string[]? keys = null;
        var line = 0;
        var fields = new byte[10][];
        foreach (var r in XlsxRows.Read(file, path))
        {
            // A workbook row costs a dictionary and ten strings: looking at the token every 4,096 of them is nothing beside that.
            if ((++line & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            if (at is null)
            {
                keys = [.. r.Keys];
                at = InstalmentColumns.Resolve(keys.Select(k => TabularFile.Cell(r[k])).ToList(), v.Errors);
                if (v.Errors.Count > 0) return 0;
                continue;
            }
            var empty = true;
            for (var c = 0; c < 10; c++)
            {
                var text = r.TryGetValue(keys![at[c]], out var value) ? TabularFile.Cell(value).Trim() : "";
                fields[c] = Encoding.UTF8.GetBytes(text);
                empty &= text.Length == 0;
            }
            if (empty) continue;
            rows++;
            if (v.TryParse(line, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8], fields[9], Encoding.UTF8, out var row))
                sink?.Accept(row, fields[1], fields[3], Encoding.UTF8);
        }
        return rows;
    }
}

/// <summary>A read-only pass-through stream that hashes what it reads (SHA-256 of the whole file).</summary>
internal sealed class HashingStream(Stream inner, bool hash = true) : Stream
{
    private readonly IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;

    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _hash?.AppendData(buffer, offset, n);
        BytesRead += n;
        return n;
    }

    /// <summary>The hex SHA-256 of the whole stream ("" when hashing is off: figures from files need no file identity).</summary>
    public string Finish()
    {
        if (_hash is null) return "";
        var buffer = new byte[1 << 16];
        while (Read(buffer, 0, buffer.Length) > 0) { }
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) { inner.Dispose(); _hash?.Dispose(); }
        base.Dispose(disposing);
    }
}
