using System.Text;
using Kaohe.Common.Tabular;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A streaming RFC 4180 CSV reader over raw bytes, for export files of millions of rows. It never
/// decodes text it is not asked for: delimiters are found on bytes, which is safe for UTF-8 and for
/// GB18030 (whose multi-byte sequences never contain a comma, quote or line break). Fields are
/// trimmed spans valid until the next <see cref="Read"/>; <see cref="Encoding"/> decodes text fields.
/// The caller owns (and disposes) the stream.
/// </summary>
public sealed class CsvByteReader
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start, _end;
    private bool _eof;
    private int[] _fieldStart = new int[32], _fieldEnd = new int[32];
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

    public Encoding Encoding { get; }
    public int FieldCount { get; private set; }

    /// <summary>The physical line (1-based) where the current record starts: the header is line 1.</summary>
    public int LineNumber { get; private set; }

    public ReadOnlySpan<byte> this[int i] => i >= FieldCount ? default
        : (_fieldsInScratch ? _scratch : _buffer).AsSpan(_fieldStart[i], _fieldEnd[i] - _fieldStart[i]);

    public string GetString(int i) => Encoding.GetString(this[i]);

    /// <summary>Moves to the next non-empty record; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            if (nl < 0 && !_eof) { Refill(); continue; }
            if (span.IsEmpty) return false;
            var line = nl < 0 ? span : span[..nl];
            if (line.IndexOf((byte)'"') >= 0)
            {
                if (!ReadQuoted(out var consumedQuoted)) { Refill(); continue; }
                _start += consumedQuoted;
            }
            else
            {
                SplitSimple(line, _start);
                LineNumber = _nextLine++;
                _start += nl < 0 ? span.Length : nl + 1;
            }
            if (FieldCount > 1 || this[0].Length > 0) return true;
        }
    }

    private void SplitSimple(ReadOnlySpan<byte> line, int offset)
    {
        _fieldsInScratch = false;
        if (!line.IsEmpty && line[^1] == '\r') line = line[..^1];
        var n = 0;
        var pos = 0;
        while (true)
        {
            var comma = line[pos..].IndexOf((byte)',');
            var end = comma < 0 ? line.Length : pos + comma;
            SetField(n++, offset + pos, offset + end);
            if (comma < 0) break;
            pos = end + 1;
        }
        FieldCount = n;
    }

    /// <summary>Slow path for a record with quotes; false when the record runs past the buffer.</summary>
    private bool ReadQuoted(out int consumed)
    {
        var s = _buffer.AsSpan(_start, _end - _start);
        _scratchUsed = 0;
        _fieldsInScratch = true;
        var n = 0;
        var i = 0;
        var lines = 1;
        while (true)
        {
            var fieldStart = _scratchUsed;
            if (i < s.Length && s[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= s.Length) { consumed = 0; return _eof && Finish(n, fieldStart, i, lines, out consumed); }
                    var c = s[i];
                    if (c == '"')
                    {
                        if (i + 1 < s.Length && s[i + 1] == '"') { Append(c); i += 2; continue; }
                        if (i + 1 >= s.Length && !_eof) { consumed = 0; return false; }
                        i++;
                        break;
                    }
                    if (c == '\n') lines++;
                    Append(c);
                    i++;
                }
            }
            while (i < s.Length && s[i] != ',' && s[i] != '\n') Append(s[i++]);
            if (i >= s.Length && !_eof) { consumed = 0; return false; }
            SetField(n++, fieldStart, _scratchUsed);
            if (i < s.Length && s[i] == ',') { i++; continue; }
            return Finish(n, -1, i < s.Length ? i + 1 : i, lines, out consumed);
        }
    }

    private bool Finish(int n, int openField, int consumedBytes, int lines, out int consumed)
    {
        if (openField >= 0) SetField(n++, openField, _scratchUsed);
        var last = n - 1;
        if (_fieldEnd[last] > _fieldStart[last] && _scratch[_fieldEnd[last] - 1] == '\r') _fieldEnd[last]--;
        FieldCount = n;
        LineNumber = _nextLine;
        _nextLine += lines;
        consumed = consumedBytes;
        return true;
    }

    private void Append(byte c)
    {
        if (_scratchUsed == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
        _scratch[_scratchUsed++] = c;
    }

    private void SetField(int n, int start, int end)
    {
        if (n == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, n * 2);
            Array.Resize(ref _fieldEnd, n * 2);
        }
        var src = _fieldsInScratch ? _scratch : _buffer;
        while (start < end && (src[start] == ' ' || src[start] == '\t')) start++;
        while (end > start && (src[end - 1] == ' ' || src[end - 1] == '\t')) end--;
        _fieldStart[n] = start;
        _fieldEnd[n] = end;
    }

    private void Refill()
    {
        var left = _end - _start;
        if (_start == 0 && left == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, left);
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
