using System.Text;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A text field of the ledger made once per distinct value: as a string (PostgreSQL's COPY writes
/// strings) and as UTF-8 (SQLite binds bytes). <see cref="Raw"/> is the field as the file holds it.
/// </summary>
internal sealed class LedgerText(byte[] raw, string text, byte[] utf8)
{
    public byte[] Raw { get; } = raw;
    public string Text { get; } = text;
    public byte[] Utf8 { get; } = utf8;

    public static LedgerText Of(ReadOnlySpan<byte> raw, Encoding encoding)
    {
        var bytes = raw.ToArray();
        var text = encoding.GetString(bytes);
        return new LedgerText(bytes, text, encoding.CodePage == Encoding.UTF8.CodePage ? bytes : Encoding.UTF8.GetBytes(text));
    }
}

/// <summary>
/// Hands out one <see cref="LedgerText"/> per distinct field value. A contract's rows and a
/// borrower's rows come together, so the last value answers most lookups; others go by hash.
/// Bounded: past <see cref="Limit"/> values it starts over (a unit's values are what repeat).
/// </summary>
internal sealed class LedgerTextCache
{
    private const int Limit = 1 << 16;
    private readonly Dictionary<ulong, LedgerText> _byHash = [];
    private LedgerText? _last;

    public LedgerText Get(ReadOnlySpan<byte> raw, Encoding encoding)
    {
        if (_last is not null && raw.SequenceEqual(_last.Raw)) return _last;
        var hash = InstalmentValidator.Hash64(raw);
        if (!_byHash.TryGetValue(hash, out var text) || !raw.SequenceEqual(text.Raw))
        {
            if (_byHash.Count >= Limit) _byHash.Clear();
            _byHash[hash] = text = LedgerText.Of(raw, encoding);
        }
        return _last = text;
    }
}
