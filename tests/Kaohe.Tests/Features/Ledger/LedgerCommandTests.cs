using System.Globalization;
using System.Text.RegularExpressions;
using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>`kaohe ledger import` as a person runs it: the real command on a real database file, stopped or its file changed mid-way.</summary>
public sealed partial class LedgerCommandTests
{
    /// <summary>A line of the progress the command prints when its output is not a terminal: "还款计划.csv: 37%".</summary>
    [GeneratedRegex(@": (\d+)%$")]
    private static partial Regex ProgressLine();

    private static bool IsProgress(string line, Func<int, bool> percent) =>
        ProgressLine().Match(line) is { Success: true } m && percent(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static Dictionary<string, string> Environment(TestDatabase db) =>
        new() { [DatabaseTarget.EnvironmentVariable] = db.Target.SqliteFilePath!, [PersonalDataProtector.EnvironmentVariable] = DemoTemplates.DataKey };

    private static Task<(int, int, int, int)> CountsAsync(TestDatabase db) => db.Query(async c =>
        (await c.LedgerSnapshots.CountAsync(), await c.Instalments.CountAsync(), await c.LedgerBorrowers.CountAsync(), await c.AuditEntries.CountAsync()));

    [Fact]
    public async Task CtrlC_DuringAnImport_ExitsWith130_SaysSo_AndWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Take(40).ToList();
        // 1,000,000 rows (97 MB): seconds to check and write, while the progress is printed once a second.
        var path = LedgerGenerator.Generate(TestFolders.Create("kaohe-cli-cancel-"), 1_000_000, 9, units, new DateOnly(2025, 12, 31)).InstalmentsPath;
        var before = await CountsAsync(db);

        using var kaohe = KaoheProcess.Start(Environment(db), "ledger", "import", path);
        // Under way: the check (up to 50 %) or the write has read part of the file.
        await kaohe.LineAsync(line => IsProgress(line, p => p is > 0 and < 100), ct);
        await kaohe.SignalAsync("INT", ct);
        var (code, output) = await kaohe.ExitAsync(ct);

        Assert.True(code == 130, output);
        Assert.Contains("已取消：正在进行的操作未写入任何数据", output, StringComparison.Ordinal);
        Assert.DoesNotContain("写入 1000000 行", output, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task CtrlC_WhileWaitingForTheImportLock_EndsTheWait_AsCancelledNotAsBusy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var path = Write(Files.Csv(Instalments()), "还款计划.csv");
        var before = await CountsAsync(db);

        // Another import holds the write lock for the whole test: without the cancel, the command would give up after
        // its wait as busy ("另一台账导入正在进行", exit 2). Cancelled, it must say so instead, and before the wait ends.
        await using var holder = new SqliteConnection($"Data Source={db.Target.SqliteFilePath};Pooling=False");
        await holder.OpenAsync(ct);
        using var held = holder.BeginTransaction();
        using var kaohe = KaoheProcess.Start(Environment(db), "ledger", "import", path);
        await kaohe.LineAsync(line => IsProgress(line, p => p > 0), ct);   // checked; now waiting for the lock
        await Task.Delay(TimeSpan.FromSeconds(1), ct);                        // well into the wait
        await kaohe.SignalAsync("INT", ct);
        var (code, output) = await kaohe.ExitAsync(ct);

        Assert.True(code == 130, output);
        Assert.Contains("已取消：正在进行的操作未写入任何数据", output, StringComparison.Ordinal);
        Assert.DoesNotContain("另一台账导入正在进行", output, StringComparison.Ordinal);
        held.Rollback();
        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task Stats_OnAFileWithRowsPaidAboveTheirDue_GivesTheFigures_AndWarnsPerUnit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var path = Write(Files.Csv(OverpaidInstalments()), "还款计划.csv");
        using var kaohe = KaoheProcess.Start(Environment(db), "ledger", "stats", path, "--as-of", "2025-06-30", "--format", "csv");
        var (code, output) = await kaohe.ExitAsync(ct);

        Assert.True(code == 0, output);
        Assert.Contains("罚息及多还行数,罚息及多还金额", output, StringComparison.Ordinal);
        Assert.Contains("提示：3 行实还本息超过应还（罚息及多还），共 135.51 元", output, StringComparison.Ordinal);
        Assert.Contains("  登封市：1 行，0.01 元", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileChangedBetweenTheCheckAndTheWrite_IsOneMessage_NotARowError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var path = Write(Files.Csv(Instalments()), "还款计划.csv");
        var before = await CountsAsync(db);

        // The database's one write lock, as an import in progress holds it: the command checks the file, then waits for it.
        await using var holder = new SqliteConnection($"Data Source={db.Target.SqliteFilePath};Pooling=False");
        await holder.OpenAsync(ct);
        using var held = holder.BeginTransaction(); // BEGIN IMMEDIATE
        using var kaohe = KaoheProcess.Start(Environment(db), "ledger", "import", path);
        // The check reports once, at its end: any progress above 0 % means the file is checked and the write not begun.
        await kaohe.LineAsync(line => IsProgress(line, p => p > 0), ct);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path, ct)).Replace("HT-B-2", "HT-B-3", StringComparison.Ordinal), ct);
        held.Rollback();
        var (code, output) = await kaohe.ExitAsync(ct);

        Assert.True(code == 2, output);
        // One refusal, title then why (the title wrapped to the width).
        Assert.Contains($"错误：{LedgerTexts.NotImported}  {LedgerTexts.FileChanged}", output.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.DoesNotContain("处错误", output, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(db));
    }
}
