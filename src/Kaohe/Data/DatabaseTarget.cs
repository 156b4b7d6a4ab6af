using Microsoft.Data.Sqlite;

namespace Kaohe.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives, from <c>KAOHE_DB</c> or <c>--db</c>: a SQLite file path (the default,
/// <c>.kaohe/kaohe.db</c>), a SQLite connection string (<c>Data Source=…</c>; its path and busy timeout are kept)
/// or a PostgreSQL connection string (anything starting with <c>Host=</c>).
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "KAOHE_DB";
    public const string DefaultSqlitePath = ".kaohe/kaohe.db";

    public static DatabaseTarget Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? DefaultSqliteFile(Directory.GetCurrentDirectory()) : value.Trim();
        if (text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Server=", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, text);
        }

        // A SQLite connection string keeps its own busy timeout (Default Timeout=…); a path waits 30 s for a writer.
        var given = text.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? new SqliteConnectionStringBuilder(text) : null;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(given?.DataSource ?? text),
            ForeignKeys = true,
            DefaultTimeout = given is not null && given.ContainsKey("Default Timeout") ? given.DefaultTimeout : 30,
        };
        return new(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>
    /// The default file, under the root of the checkout when run inside one (<c>dotnet run --project src/Kaohe.Web</c>
    /// runs in the project's folder, the CLI wherever it is called), so the web app, the CLI and the README mean the
    /// same file; outside a checkout, under the current folder.
    /// </summary>
    public static string DefaultSqliteFile(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kaohe.slnx"))) return Path.Combine(dir.FullName, DefaultSqlitePath);
        }
        return Path.Combine(from, DefaultSqlitePath);
    }

    public string? SqliteFilePath => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>A plain ADO.NET connection to the target (closed), for the few reads that need no EF model.</summary>
    public System.Data.Common.DbConnection CreateConnection() => Provider == DatabaseProvider.Postgres
        ? new Npgsql.NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    /// <summary>A description safe to print: never the password.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {SqliteFilePath}"
        : "PostgreSQL " + string.Join(';', ConnectionString.Split(';')
            .Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
