using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Reads a large 还款计划 CSV in one part per core: the file is cut at line breaks, each part gets its
/// own reader, validator and sink part, and the parts are joined in file order. The fast path only
/// answers for a valid file: when a part has a bad row, when a quoted field spans a cut, or when rows
/// of two parts break a cross-row rule together, it gives up (null) and the caller reads the file
/// once more in one sequential pass, which reports every error with its exact line number.
/// </summary>
internal static class InstalmentFileParts
{
    /// <summary>A part smaller than this is not worth a thread.</summary>
    private const long MinPartBytes = 4 << 20;

    /// <summary>A part of the file, its validator and sink part made by the thread that reads it (their tables are its own).</summary>
    private sealed record Part(long Start, long End)
    {
        public InstalmentValidator Validator { get; set; } = null!;
        public IPartitionedSink? Sink { get; set; }
        public long Rows { get; set; }
        public bool EndedOnCut { get; set; }
    }

    /// <param name="partCount">The number of parts, or 0 for one per core (each at least <see cref="MinPartBytes"/>).</param>
    public static InstalmentFileResult? TryRead(string path, UnitResolver units, IPartitionedSink? sink, Func<int, bool>? unitAllowed,
        Action<long>? progress, bool hash, int partCount = 0)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(file);
        var count = partCount > 0 ? partCount : (int)Math.Min(Environment.ProcessorCount, length / MinPartBytes);
        if (count < 2 || ReadHeader(file) is not { } header) return null;
        var cuts = Cuts(file, header.DataStart, length, count);
        var parts = cuts.Zip(cuts.Skip(1), (start, end) => new Part(start, end)).ToList();
        var shared = new SharedProgress(progress, parts.Count);
        var sha = hash ? Task.Run(() => Sha256(file)) : Task.FromResult("");
        Parallel.ForEach(parts, new ParallelOptions { MaxDegreeOfParallelism = parts.Count }, (part, _, index) =>
        {
            var length = part.End - part.Start;
            (part.Validator, part.Sink) = (new InstalmentValidator(units, unitAllowed, length), sink?.NewPart(length));
            var csv = new CsvByteReader(new FileSliceStream(file, part.Start), header.Encoding, length);
            part.Rows = InstalmentFile.ReadRows(csv, header.Columns, header.Count, part.Validator, part.Sink, bytes => shared.Report((int)index, bytes));
            part.EndedOnCut = csv.Position == length;
        });
        if (parts.Any(p => !p.EndedOnCut || p.Validator.ErrorCount > 0) || parts.Sum(p => p.Rows) == 0) return null;
        // The parts' sinks are joined into the first part while the cross-part rules are checked on the other
        // core; the caller's sink only receives the joined part once the file is known to be valid.
        var joined = Task.Run(() => JoinParts(parts));
        var conflicts = Conflicts(parts);
        var all = joined.GetAwaiter().GetResult();
        if (conflicts) return null;
        if (all is not null) sink!.Join(all);
        var validator = parts[0].Validator;
        foreach (var part in parts.Skip(1)) validator.UnitIds.UnionWith(part.Validator.UnitIds);
        return InstalmentFile.Result(path, sha.GetAwaiter().GetResult(), parts.Sum(p => p.Rows), validator);
    }

    private static IPartitionedSink? JoinParts(List<Part> parts)
    {
        var first = parts[0].Sink;
        foreach (var part in parts.Skip(1)) first?.Join(part.Sink!);
        return first;
    }

    private static bool Conflicts(List<Part> parts)
    {
        for (var j = 1; j < parts.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (parts[i].Validator.ConflictsWith(parts[j].Validator)) return true;
            }
        }
        return false;
    }

    private sealed record Header(int[] Columns, int Count, Encoding Encoding, long DataStart);

    /// <summary>The header's columns, or null when it is not a valid 还款计划 header (the sequential pass reports why).</summary>
    private static Header? ReadHeader(SafeFileHandle file)
    {
        var csv = new CsvByteReader(new FileSliceStream(file, 0), 1 << 16);
        if (!csv.Read()) return null;
        var headers = InstalmentFile.Header(csv);
        var at = InstalmentColumns.Resolve(headers, []);
        return at.Any(c => c < 0) ? null : new Header(at, headers.Count, csv.Encoding, csv.Position);
    }

    /// <summary>Part boundaries: the start of data, a line start near each equal share of the file, and its end.</summary>
    private static List<long> Cuts(SafeFileHandle file, long dataStart, long length, int count)
    {
        var cuts = new List<long> { dataStart };
        var buffer = new byte[1 << 16];
        for (var k = 1; k < count; k++)
        {
            var at = Math.Max(cuts[^1], dataStart + (length - dataStart) * k / count);
            while (at < length)
            {
                var n = RandomAccess.Read(file, buffer, at);
                var newline = buffer.AsSpan(0, n).IndexOf((byte)'\n');
                if (newline >= 0) { at += newline + 1; break; }
                at += n;
            }
            if (at < length && at > cuts[^1]) cuts.Add(at);
        }
        cuts.Add(length);
        return cuts;
    }

    private static string Sha256(SafeFileHandle file)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long at = 0;
        for (int n; (n = RandomAccess.Read(file, buffer, at)) > 0; at += n) sha.AppendData(buffer, 0, n);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Sums the parts' bytes read for one progress callback, called by one thread at a time.</summary>
    private sealed class SharedProgress(Action<long>? progress, int parts)
    {
        private readonly long[] _bytes = new long[parts];
        private readonly Lock _lock = new();

        public void Report(int part, long bytes)
        {
            if (progress is null) return;
            lock (_lock)
            {
                _bytes[part] = bytes;
                progress(_bytes.Sum());
            }
        }
    }
}

/// <summary>A read-only stream over a file from an offset, by positional reads (several can share one handle).</summary>
internal sealed class FileSliceStream(SafeFileHandle file, long start) : Stream
{
    private readonly long _start = start;
    private long _at = start;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = RandomAccess.Read(file, buffer, _at);
        _at += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => RandomAccess.GetLength(file) - _start;
    public override long Position { get => _at - _start; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
