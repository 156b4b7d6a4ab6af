using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Corpus;

/// <summary>
/// A 2 GB sparse file (zeros, no line break) given to the importers that read from a path: the command refuses it in
/// Chinese at once, exit 2, instead of growing a 2 GB buffer and failing with "Stream was too long" or an overflow.
/// </summary>
public sealed class SparseFileTests
{
    [Theory]
    [InlineData("units", "单位名录.csv", "超过 64 MB")]
    [InlineData("ledger", "还款计划.csv", "第 1 行：一行超过 4 MB")]
    public async Task A2GbSparseFile_IsRefusedInChinese_AndWritesNothing(string command, string fileName, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var path = Path.Combine(TestFolders.Create("kaohe-sparse-"), fileName);
        await using (var file = File.Create(path)) file.SetLength(2L << 30);
        var before = await db.Query(c => Task.FromResult((c.Units.Count(), c.Instalments.Count(), c.AuditEntries.Count())));

        using var kaohe = KaoheProcess.Start(new Dictionary<string, string>
        {
            [DatabaseTarget.EnvironmentVariable] = db.Target.ConnectionString,
            [PersonalDataProtector.EnvironmentVariable] = DemoTemplates.DataKey,
        }, command, "import", path);
        var (code, output) = await kaohe.ExitAsync(ct);

        Assert.True(code == 2, output);
        Assert.Contains(message, output.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.Equal(before, await db.Query(c => Task.FromResult((c.Units.Count(), c.Instalments.Count(), c.AuditEntries.Count()))));
    }
}
