using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Rows for <c>COPY … FROM STDIN (FORMAT BINARY)</c>, written in PostgreSQL's binary copy format
/// (the "Binary Format" section of the COPY manual page) into Npgsql's raw copy stream. Npgsql's
/// typed importer resolves a converter and runs an async writer for every field: measured on the
/// 5 M-row ledger, that took more CPU than the server's insert of the rows. Here a field is a
/// length and big-endian bytes in a buffer. Disposed before <see cref="Complete"/>, the COPY is cancelled.
/// </summary>
internal sealed class PostgresBinaryCopy : IDisposable
{
    // Days from 0001-01-01 to PostgreSQL's date epoch 2000-01-01.
    internal static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    // The signature "PGCOPY\n\377\r\n\0", then no flags and no header extension.
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly NpgsqlRawCopyStream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _at;
    private bool _completed;

    public PostgresBinaryCopy(NpgsqlConnection connection, string copyCommand)
    {
        _stream = connection.BeginRawBinaryCopy(copyCommand);
        // A province's file takes a while to load: the import has no time limit of its own.
        _stream.WriteTimeout = _stream.ReadTimeout = (int)TimeSpan.FromHours(1).TotalMilliseconds;
        Header.CopyTo(_buffer, 0);
        _at = Header.Length;
    }

    public void StartRow(short fields)
    {
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_at), fields);
        _at += 2;
    }

    public void Int32(int value)
    {
        Room(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_at), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_at + 4), value);
        _at += 8;
    }

    public void Int64(long value)
    {
        Room(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_at), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_at + 4), value);
        _at += 12;
    }

    /// <summary>A date, as <see cref="DateOnly.DayNumber"/>; negative for NULL.</summary>
    public void Date(int dayNumber)
    {
        if (dayNumber < 0) Null();
        else Int32(dayNumber - PostgresEpochDay);
    }

    /// <summary>text/varchar (UTF-8, the database encoding) or bytea: the bytes as they are.</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        Room(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_at), value.Length);
        value.CopyTo(_buffer.AsSpan(_at + 4));
        _at += 4 + value.Length;
    }

    public void Bytes(byte[]? value)
    {
        if (value is null) Null();
        else Bytes(value.AsSpan());
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        Room(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_at), length);
        _at += 4 + Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_at + 4));
    }

    public void Null()
    {
        Room(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_at), -1);
        _at += 4;
    }

    /// <summary>Ends the rows and waits for the server to have stored them.</summary>
    public void Complete()
    {
        StartRow(-1); // the trailer
        Flush();
        _completed = true;
        _stream.Dispose();
    }

    private void Room(int bytes)
    {
        if (_at + bytes <= _buffer.Length) return;
        Flush();
        if (bytes > _buffer.Length) throw new InvalidOperationException($"a field of {bytes} bytes does not fit the copy buffer");
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _at);
        _at = 0;
    }

    public void Dispose()
    {
        if (_completed) return;
        // Called while an exception is on its way out: a cancel that fails on a broken connection must not replace it.
        try
        {
            _stream.Cancel();
        }
        catch (Exception e) when (e is NpgsqlException or IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            _stream.Dispose();
        }
    }
}
