using System.Runtime.CompilerServices;
using System.Text;
using Kaohe.Common.Tabular;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A streaming RFC 4180 CSV reader over raw bytes, for export files of millions of rows. It never
/// decodes text it is not asked for: delimiters are found on bytes, which is safe for UTF-8 and for
/// GB18030 (whose multi-byte sequences never contain a comma, quote or line break). Fields are
/// trimmed spans valid until the next <see cref="Read"/>; <see cref="Encoding"/> decodes text fields.
/// A record without quotes is split in one vectorised pass that finds its commas and its end.
/// A reader may be given a <c>limit</c>: it then reads only the records that start before that
/// offset, which lets several readers share one file (<see cref="InstalmentFile"/>).
/// The caller owns (and disposes) the stream.
/// </summary>
public sealed partial class CsvByteReader
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start, _end;
    private bool _eof;
    private long _bufferOffset;
    private readonly long _limit = long.MaxValue;
    private int[] _fieldStart = new int[32], _fieldEnd = new int[32];
    /// <summary>The longest record the reader takes: a 还款计划 row is about 100 bytes.</summary>
    public const int MaxRecordBytes = 4 << 20;

    private byte[] _scratch = new byte[1024];
    private int _scratchUsed;
    private bool _fieldsInScratch;
    private int _nextLine = 1;

    public CsvByteReader(Stream stream, int bufferSize = 1 << 20)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
        Fill();
        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { _start = 3; Encoding = Encoding.UTF8; }
        else Encoding = TextEncodings.Detect(head[..Math.Min(head.Length, 1 << 16)]);
    }

    /// <summary>
    /// A reader over a slice of a file whose encoding is known: records starting before <paramref name="limit"/>, read
    /// into <paramref name="buffer"/> (a worker's, used again for each of its slices; a record longer than it gets a larger one).
    /// </summary>
    public CsvByteReader(Stream stream, Encoding encoding, long limit, byte[] buffer)
    {
        _stream = stream;
        _buffer = buffer;
        _limit = limit;
        Encoding = encoding;
        Fill();
    }

    public Encoding Encoding { get; }
    public int FieldCount { get; private set; }

    /// <summary>The physical line (1-based) where the current record starts: the header is line 1.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Field <paramref name="i"/> without surrounding spaces and tabs; empty when the record has fewer fields.</summary>
    public ReadOnlySpan<byte> this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)i >= (uint)FieldCount) return default;
            var s = (_fieldsInScratch ? _scratch : _buffer).AsSpan(_fieldStart[i], _fieldEnd[i] - _fieldStart[i]);
            return s.IsEmpty || (s[0] > ' ' && s[^1] > ' ') ? s : s.Trim(" \t"u8);
        }
    }

    public string GetString(int i) => Encoding.GetString(this[i]);

    /// <summary>
    /// The bytes buffered from the next record on (empty once the limit is reached), for a caller that can take
    /// simple records itself: <see cref="SkipLine"/> then consumes one, or <see cref="Read"/> reads it.
    /// </summary>
    public ReadOnlySpan<byte> Buffered => Position < _limit ? _buffer.AsSpan(_start, _end - _start) : default;

    /// <summary>The physical line the next record starts on.</summary>
    public int NextLineNumber => _nextLine;

    /// <summary>Consumes a one-line record of <paramref name="length"/> bytes, its line break included, taken from <see cref="Buffered"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipLine(int length)
    {
        _start += length;
        LineNumber = _nextLine++;
    }

    /// <summary>The current record's raw bytes from its start through the comma after field <paramref name="fields"/> − 1; empty for a quoted record.</summary>
    public ReadOnlySpan<byte> RawThrough(int fields) =>
        _fieldsInScratch || FieldCount <= fields ? default : _buffer.AsSpan(_fieldStart[0], _fieldEnd[fields - 1] + 1 - _fieldStart[0]);

    /// <summary>The stream offset where the next record starts (after <see cref="Read"/>: just past the current one).</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Moves to the next non-empty record; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            if (Position >= _limit) return false;
            var span = _buffer.AsSpan(_start, _end - _start);
            var length = SplitUnquoted(span);
            if (length == NeedsMore && !_eof) { Refill(); continue; }
            if (span.IsEmpty) return false;
            if (length == Quoted)
            {
                if (!ReadQuoted(out var consumedQuoted)) { Refill(); continue; }
                _start += consumedQuoted;
            }
            else
            {
                if (length == NeedsMore) SplitLastLine(span);
                LineNumber = _nextLine++;
                _start += length == NeedsMore ? span.Length : length + 1;
            }
            if (FieldCount > 1 || this[0].Length > 0) return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetField(int n, int start, int end)
    {
        if (n == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, n * 2);
            Array.Resize(ref _fieldEnd, n * 2);
        }
        _fieldStart[n] = start;
        _fieldEnd[n] = end;
    }

    private void Refill()
    {
        var left = _end - _start;
        if (_start == 0 && left == _buffer.Length)
        {
            // One record fills the buffer: grow it, up to a bound no ledger row comes near (a file of one endless line, or of NULs, is not a table).
            if (_buffer.Length >= MaxRecordBytes)
                throw new ImportRejectedException([new ImportError(_nextLine, null, TabularTexts.RecordTooLong(MaxRecordBytes))]);
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, left);
        _bufferOffset += _start;
        _start = 0;
        _end = left;
        Fill();
    }

    private void Fill()
    {
        while (_end < _buffer.Length)
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0) { _eof = true; return; }
            _end += n;
        }
    }

}
