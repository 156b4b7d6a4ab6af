using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Kaohe.Features.Ledger;

/// <summary>Splitting one record into fields: the vectorised path for a record without quotes, and the RFC 4180 quoted path.</summary>
public sealed partial class CsvByteReader
{
    private const int NeedsMore = -1, Quoted = -2;
    private static readonly Vector256<byte> Commas = Vector256.Create((byte)','), Newlines = Vector256.Create((byte)'\n'), Quotes = Vector256.Create((byte)'"');

    /// <summary>
    /// Splits the record at the start of <paramref name="span"/> if it has no quote: returns the offset of its
    /// line break, <see cref="Quoted"/> when it needs the quoted path, <see cref="NeedsMore"/> when no line break is buffered.
    /// </summary>
    private int SplitUnquoted(ReadOnlySpan<byte> span)
    {
        _fieldsInScratch = false;
        var n = 0;
        var field = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(span);
            for (; i + 32 <= span.Length; i += 32)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var newline = Vector256.Equals(v, Newlines).ExtractMostSignificantBits();
                var before = newline == 0 ? uint.MaxValue : unchecked((newline & (0u - newline)) - 1); // the bits below the first line break
                if ((Vector256.Equals(v, Quotes).ExtractMostSignificantBits() & before) != 0) return Quoted;
                for (var commas = Vector256.Equals(v, Commas).ExtractMostSignificantBits() & before; commas != 0; commas &= commas - 1)
                {
                    var at = i + BitOperations.TrailingZeroCount(commas);
                    SetField(n++, _start + field, _start + at);
                    field = at + 1;
                }
                if (newline != 0) return EndRecord(n, field, i + BitOperations.TrailingZeroCount(newline));
            }
        }
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (c == ',') { SetField(n++, _start + field, _start + i); field = i + 1; }
            else if (c == '\n') return EndRecord(n, field, i);
            else if (c == '"') return Quoted;
        }
        return NeedsMore;
    }

    private int EndRecord(int n, int field, int newline)
    {
        var end = newline > field && _buffer[_start + newline - 1] == '\r' ? newline - 1 : newline;
        SetField(n++, _start + field, _start + end);
        FieldCount = n;
        return newline;
    }

    /// <summary>The last record of a file without a final line break.</summary>
    private void SplitLastLine(ReadOnlySpan<byte> span)
    {
        var n = 0;
        var field = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] != ',') continue;
            SetField(n++, _start + field, _start + i);
            field = i + 1;
        }
        var end = span.Length > field && span[^1] == '\r' ? span.Length - 1 : span.Length;
        SetField(n++, _start + field, _start + end);
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
}
