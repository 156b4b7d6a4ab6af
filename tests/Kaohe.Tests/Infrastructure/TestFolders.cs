[assembly: AssemblyFixture(typeof(Kaohe.Tests.Infrastructure.TestFolders))]

namespace Kaohe.Tests.Infrastructure;

/// <summary>
/// Folders for a test's files, all inside one folder of the test run, which is deleted when the run ends: generated
/// ledgers are megabytes each, and left in the temporary folder they had grown to gigabytes over a few days of runs.
/// </summary>
public sealed class TestFolders : IDisposable
{
    private static readonly string Root = Directory.CreateTempSubdirectory("kaohe-tests-").FullName;

    /// <summary>A new empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public static string Create(string prefix) => Directory.CreateDirectory(Path.Combine(Root, prefix + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: what is left goes with the temporary folder.
        }
    }
}
