using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>Maps the unit column (a division code, an official or published name, or an alias) to a unit id.</summary>
public sealed class UnitResolver
{
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (string Name, int CityGroupId, string City, int SortOrder, int CityOrder)> _units = [];
    private byte[] _lastBytes = [];
    private int _lastId = -1;

    public static async Task<UnitResolver> LoadAsync(KaoheDbContext db, CancellationToken ct)
    {
        var r = new UnitResolver();
        var units = await db.Units.AsNoTracking()
            .Select(u => new { u.Id, u.Name, u.PublishedName, u.DivisionCode, u.SortOrder, u.CityGroupId, City = u.CityGroup.Name, CityOrder = u.CityGroup.SortOrder })
            .ToListAsync(ct);
        foreach (var u in units)
        {
            r._units[u.Id] = (u.Name, u.CityGroupId, u.City, u.SortOrder, u.CityOrder);
            r._byText.TryAdd(u.Name, u.Id);
            r._byText.TryAdd(u.PublishedName, u.Id);
            if (u.DivisionCode is { } code) r._byText.TryAdd(code, u.Id);
        }
        foreach (var a in await db.UnitAliases.AsNoTracking().ToListAsync(ct)) r._byText.TryAdd(a.Name, a.UnitId);
        return r;
    }

    public int Resolve(string text) => _byText.TryGetValue(text.Trim(), out var id) ? id : -1;

    /// <summary>Resolves raw bytes, remembering the last answer: exports list a unit's rows together.</summary>
    public int Resolve(ReadOnlySpan<byte> bytes, System.Text.Encoding encoding)
    {
        if (bytes.SequenceEqual(_lastBytes)) return _lastId;
        _lastBytes = bytes.ToArray();
        _lastId = Resolve(encoding.GetString(bytes));
        return _lastId;
    }

    public string NameOf(int unitId) => _units[unitId].Name;
    public int CityOf(int unitId) => _units[unitId].CityGroupId;
    public string CityNameOf(int unitId) => _units[unitId].City;
    public (int CityOrder, int SortOrder) OrderOf(int unitId) => (_units[unitId].CityOrder, _units[unitId].SortOrder);
}
