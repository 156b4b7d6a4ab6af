using Kaohe.Data;
using Microsoft.Data.Sqlite;

namespace Kaohe.Tests.Data;

public sealed class DatabaseTargetTests
{
    [Theory]
    [InlineData("k.db", 30)]                                  // a path waits 30 s for another writer
    [InlineData("Data Source=k.db", 30)]
    [InlineData("Data Source=k.db;Default Timeout=1", 1)]     // a connection string keeps its own busy timeout
    [InlineData("Data Source=k.db;Default Timeout=120", 120)]
    public void Sqlite_PathOrConnectionString_KeepsThePathAndTheBusyTimeout(string text, int timeout)
    {
        var target = DatabaseTarget.Parse(text);
        var builder = new SqliteConnectionStringBuilder(target.ConnectionString);
        Assert.Equal((DatabaseProvider.Sqlite, Path.GetFullPath("k.db"), timeout, true), (target.Provider, builder.DataSource, builder.DefaultTimeout, builder.ForeignKeys));
    }

    [Fact]
    public void Postgres_ConnectionString_IsTakenAsGiven() =>
        Assert.Equal(new DatabaseTarget(DatabaseProvider.Postgres, "Host=db;Database=kaohe"), DatabaseTarget.Parse("Host=db;Database=kaohe"));

    [Fact]
    public void Default_InsideACheckout_IsUnderItsRoot_ElsewhereUnderTheFolder()
    {
        var root = Directory.CreateTempSubdirectory("kaohe-target-").FullName;
        try
        {
            var project = Directory.CreateDirectory(Path.Combine(root, "src", "Kaohe.Web")).FullName;
            Assert.Equal(Path.Combine(project, ".kaohe", "kaohe.db"), DatabaseTarget.DefaultSqliteFile(project));
            File.WriteAllText(Path.Combine(root, "Kaohe.slnx"), "<Solution />");
            Assert.Equal(Path.Combine(root, ".kaohe", "kaohe.db"), DatabaseTarget.DefaultSqliteFile(project));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
