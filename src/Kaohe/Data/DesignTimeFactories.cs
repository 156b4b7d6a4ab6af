using Microsoft.EntityFrameworkCore.Design;

namespace Kaohe.Data;

// Used only by `dotnet ef migrations add`; each provider keeps its own migrations (Data/Migrations/Sqlite, /Postgres).
internal static class DesignTime
{
    // Migrations are made without a key: nothing is saved at design time.
    public static readonly AuditGuard Guard = new(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), DatabaseTarget.Parse("design.db"));
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKaoheDbContext>
{
    public SqliteKaoheDbContext CreateDbContext(string[] args) =>
        new(KaoheDatabase.SqliteOptions("Data Source=design.db"), new AuditActor(), TimeProvider.System, DesignTime.Guard);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKaoheDbContext>
{
    public PostgresKaoheDbContext CreateDbContext(string[] args) =>
        new(KaoheDatabase.PostgresOptions("Host=localhost;Database=kaohe_design"), new AuditActor(), TimeProvider.System, DesignTime.Guard);
}
