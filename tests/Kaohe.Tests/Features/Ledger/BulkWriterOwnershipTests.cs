using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>
/// A bulk writer owns the AES-GCM encryptor it is given from its constructor's first line: when the
/// constructor fails (the insert does not prepare, the server refuses the COPY) the encryptor is
/// disposed, not left to the finalizer, and the connection is left usable.
/// </summary>
public sealed class BulkWriterOwnershipTests
{
    private static readonly PersonalDataProtector Protector = new(new byte[32]);

    [Fact]
    public void SqliteWriter_WhoseInsertDoesNotPrepare_DisposesTheEncryptor()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open(); // an empty database: no "Instalments" to insert into
        var encryptor = Protector.CreateBulkEncryptor();
        var e = Assert.Throws<SqliteException>(() => new SqliteInstalmentWriter(conn, new Dictionary<int, int>(), Protector, encryptor, [], default));
        Assert.Contains("Instalments", e.Message, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => encryptor.Encrypt("410122200001010015"));
    }

    [Fact]
    public async Task PostgresWriter_WhoseCopyTheServerRefuses_DisposesTheEncryptor_AndTheConnectionGoesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, withDemoData: false);
        await using var conn = new NpgsqlConnection(db.Target.ConnectionString);
        await conn.OpenAsync(ct);
        await using (var drop = new NpgsqlCommand("""DROP TABLE "Instalments" """, conn)) await drop.ExecuteNonQueryAsync(ct);
        var encryptor = Protector.CreateBulkEncryptor();
        var e = Assert.Throws<PostgresException>(() => new PostgresInstalmentWriter(conn, new Dictionary<int, int>(), Protector, encryptor, [], default));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, e.SqlState);
        Assert.Throws<ObjectDisposedException>(() => encryptor.Encrypt("410122200001010015"));
        await using var next = new NpgsqlCommand("SELECT 1", conn);
        Assert.Equal(1, await next.ExecuteScalarAsync(ct));
    }
}
