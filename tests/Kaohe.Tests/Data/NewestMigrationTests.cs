using System.Reflection;
using Kaohe.Data;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kaohe.Tests.Data;

public sealed class NewestMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, NewestMigration.Sqlite)]
    [InlineData(DatabaseProvider.Postgres, NewestMigration.Postgres)]
    public void NewestMigration_NamesEachProvidersNewestMigration(DatabaseProvider provider, string constant)
    {
        var folder = $"{typeof(KaoheDatabase).Namespace}.Migrations.{provider}";
        var newest = typeof(KaoheDatabase).Assembly.GetTypes().Where(t => t.Namespace == folder)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).Where(id => id is not null).Max(StringComparer.Ordinal);

        Assert.Equal(newest, constant);
    }
}
