using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Npgsql;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The hand-written binary COPY format against a real PostgreSQL: every field kind reads back as written; an unfinished copy stores nothing; the server's rows read back through <see cref="PostgresBinaryRows"/>.</summary>
public sealed class PostgresBinaryCopyTests
{
    private const string Table = "CREATE TABLE t (i integer, b bigint, d date, s varchar(20), x bytea)";

    private static async Task<NpgsqlConnection> OpenAsync(TestDatabase db)
    {
        var conn = new NpgsqlConnection(db.Target.ConnectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new NpgsqlCommand(Table, conn);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return conn;
    }

    [Fact]
    public async Task Rows_ReadBackAsWritten_IncludingNullsDatesBefore2000AndChineseText()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, withDemoData: false);
        await using var conn = await OpenAsync(db);
        using (var copy = new PostgresBinaryCopy(conn, "COPY t (i, b, d, s, x) FROM STDIN (FORMAT BINARY)"))
        {
            copy.StartRow(5);
            copy.Int32(-7);
            copy.Int64(long.MinValue);
            copy.Date(new DateOnly(1999, 12, 31).DayNumber);
            copy.Text("瀍河回族区");
            copy.Bytes([0, 255, 1]);
            copy.StartRow(5);
            copy.Int32(int.MaxValue);
            copy.Int64(1234567890123L);
            copy.Date(-1);
            copy.Text(null);
            copy.Bytes((byte[]?)null);
            copy.Complete();
        }
        await using var read = new NpgsqlCommand("SELECT i, b, d, s, x FROM t ORDER BY i", conn);
        await using var r = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await r.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal((-7, long.MinValue, new DateOnly(1999, 12, 31), "瀍河回族区"), (r.GetInt32(0), r.GetInt64(1), r.GetFieldValue<DateOnly>(2), r.GetString(3)));
        Assert.Equal(new byte[] { 0, 255, 1 }, r.GetFieldValue<byte[]>(4));
        Assert.True(await r.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int.MaxValue, 1234567890123L, true, true, true), (r.GetInt32(0), r.GetInt64(1), r.IsDBNull(2), r.IsDBNull(3), r.IsDBNull(4)));
        Assert.False(await r.ReadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ACopyDisposedBeforeComplete_StoresNothing_AndTheConnectionGoesOn()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, withDemoData: false);
        await using var conn = await OpenAsync(db);
        using (var copy = new PostgresBinaryCopy(conn, "COPY t (i) FROM STDIN (FORMAT BINARY)"))
        {
            copy.StartRow(1);
            copy.Int32(1);
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM t", conn);
        Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ServerRows_ReadByPostgresBinaryRows_AcrossBufferBoundaries_WithNullAndEarlyDates()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, withDemoData: false);
        await using var conn = await OpenAsync(db);
        // 20,000 rows of 36 bytes each cross the reader's 64 KiB buffer many times; every third date is NULL.
        const string Rows = """
            COPY (SELECT n, n * 1000000007::bigint, CASE WHEN n % 3 = 0 THEN NULL ELSE DATE '1990-01-01' + n END
                  FROM generate_series(1, 20000) AS n ORDER BY n) TO STDOUT (FORMAT BINARY)
            """;
        var seen = 0;
        using (var rows = new PostgresBinaryRows(conn, Rows))
        {
            while (rows.StartRow(3))
            {
                seen++;
                Assert.Equal(seen, rows.Int32());
                Assert.Equal(seen * 1000000007L, rows.Int64());
                Assert.Equal(seen % 3 == 0 ? -1 : new DateOnly(1990, 1, 1).AddDays(seen).DayNumber, rows.Date());
            }
        }
        Assert.Equal(20000, seen);
        using var wrong = new PostgresBinaryRows(conn, "COPY (SELECT 1, 2) TO STDOUT (FORMAT BINARY)");
        Assert.Throws<InvalidDataException>(() => wrong.StartRow(3));
    }
}
