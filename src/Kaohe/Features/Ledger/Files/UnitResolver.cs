using System.Data;
using System.Data.Common;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>Maps the unit column (a division code, an official or published name, or an alias) to a unit id.</summary>
public sealed class UnitResolver
{
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (string Name, int CityGroupId, string City, int SortOrder, int CityOrder)> _units = [];

    public static Task<UnitResolver> LoadAsync(KaoheDbContext db, CancellationToken ct) => LoadAsync(db.Database.GetDbConnection(), ct);

    /// <summary>
    /// The registry read over a connection of its own, without Entity Framework: figures from files need
    /// nothing else from the database, and EF's start-up would be most of such a command's time.
    /// </summary>
    public static async Task<UnitResolver> LoadAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var conn = target.CreateConnection();
        return await LoadAsync(conn, ct);
    }

    internal static async Task<UnitResolver> LoadAsync(DbConnection conn, CancellationToken ct)
    {
        if (conn.State != ConnectionState.Open) await conn.OpenAsync(ct);
        var r = new UnitResolver();
        await ReadAsync(conn, """
            SELECT u."Id", u."Name", u."PublishedName", u."DivisionCode", u."SortOrder", u."CityGroupId", g."Name", g."SortOrder"
            FROM "Units" u JOIN "CityGroups" g ON g."Id" = u."CityGroupId"
            """, u =>
        {
            var id = u.GetInt32(0);
            r._units[id] = (u.GetString(1), u.GetInt32(5), u.GetString(6), u.GetInt32(4), u.GetInt32(7));
            r._byText.TryAdd(u.GetString(1), id);
            r._byText.TryAdd(u.GetString(2), id);
            if (!u.IsDBNull(3)) r._byText.TryAdd(u.GetString(3), id);
        }, ct);
        await ReadAsync(conn, """SELECT "Name", "UnitId" FROM "UnitAliases" """, a => r._byText.TryAdd(a.GetString(0), a.GetInt32(1)), ct);
        return r;
    }

    private static async Task ReadAsync(DbConnection conn, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) row(reader);
    }

    public int Resolve(string text) => _byText.TryGetValue(text.Trim(), out var id) ? id : -1;

    /// <summary>
    /// Resolves raw bytes. Safe from several threads at once (the parts of a file share one resolver): it only
    /// reads. Each reader remembers its own last unit (<see cref="InstalmentValidator"/>), since exports list a
    /// unit's rows together.
    /// </summary>
    public int Resolve(ReadOnlySpan<byte> bytes, System.Text.Encoding encoding) => Resolve(encoding.GetString(bytes));

    /// <summary>Which units the account sees (<see cref="UserScope.Sees"/>); experts are refused: their units are assignments in the database.</summary>
    public Func<int, bool> VisibleTo(UserScope scope)
    {
        if (scope.Role == Role.Expert) throw KaoheException.Forbidden(LedgerTexts.ExpertsUseThePages);
        return unitId => _units.TryGetValue(unitId, out var u) && scope.Sees(unitId, u.CityGroupId) == true;
    }

    public string NameOf(int unitId) => _units[unitId].Name;
    public int CityOf(int unitId) => _units[unitId].CityGroupId;
    public string CityNameOf(int unitId) => _units[unitId].City;
    public (int CityOrder, int SortOrder) OrderOf(int unitId) => (_units[unitId].CityOrder, _units[unitId].SortOrder);
}
