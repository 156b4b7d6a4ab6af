using Kaohe.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Kaohe.Tests.Features.Audit;

/// <summary>The real `kaohe` command on a real database file.</summary>
public sealed class AuditCommandTests
{
    private static Task<(int Code, string Output)> RunAsync(params string[] args) => KaoheProcess.RunAsync(args);

    [Fact]
    public async Task AuditVerify_CatchesARowChangedBehindTheAppsBack()
    {
        var folder = TestFolders.Create("kaohe-cli-");
        var db = Path.Combine(folder, "k.db");
        Assert.Equal(0, (await RunAsync("demo", "load", "--db", db)).Code);
        var (okCode, okOutput) = await RunAsync("audit", "verify", "--db", db);
        Assert.Equal(0, okCode);
        Assert.Contains("审计链完整", okOutput);

        await using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE AuditEntries SET After = replace(After, '二七区', '七七区') WHERE After LIKE '%二七区%'";
            Assert.True(await cmd.ExecuteNonQueryAsync() > 0);
        }
        var (badCode, badOutput) = await RunAsync("audit", "verify", "--db", db);
        Assert.Equal(1, badCode);
        Assert.Contains("审计链在第", badOutput);
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task SealedGradeChangedInTheFile_VerifyAndTheNoticeRefuse_NamingTheUnit()
    {
        var folder = TestFolders.Create("kaohe-cli-");
        var db = Path.Combine(folder, "k.db");
        Assert.Equal(0, (await RunAsync("demo", "load", "--db", db)).Code);
        var (sealCode, sealed_) = await RunAsync("audit", "verify", "--db", db);
        Assert.Equal(0, sealCode);
        Assert.Matches("2018 年度封存数据一致（封存校验码 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}）", Unwrapped(sealed_));

        // Issue 22's first observation: the sealed 2018 campaign's first unit, 优秀, made 不合格 in the file.
        var name = await ExecuteAsync(db, "SELECT u.Name FROM CampaignUnits cu JOIN Units u ON u.Id = cu.UnitId WHERE cu.Id = 1");
        await ExecuteAsync(db, "UPDATE CampaignUnits SET FinalGrade = 4 WHERE Id = 1");
        var (code, output) = await RunAsync("audit", "verify", "--db", db);
        Assert.Equal(1, code);
        Assert.Contains($"2018 年度考核封存后数据被改动：{name}的封存数据与封存时不一致", Unwrapped(output));
        var (noticeCode, notice) = await RunAsync("notice", "--campaign", "2018", "--format", "txt", "--out", Path.Combine(folder, "n.txt"), "--db", db);
        Assert.Equal(2, noticeCode);
        Assert.Contains("封存数据校验未通过，不能发布", notice);
        Assert.Contains(name, Unwrapped(notice));
        Assert.False(File.Exists(Path.Combine(folder, "n.txt")));
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task UnitRenamedAndTailCutInTheFile_VerifyDataAndVerify_FindThem()
    {
        var folder = TestFolders.Create("kaohe-cli-");
        var db = Path.Combine(folder, "k.db");
        Assert.Equal(0, (await RunAsync("demo", "load", "--db", db)).Code);
        var (cleanCode, clean) = await RunAsync("audit", "verify", "--data", "--db", db);
        Assert.True(cleanCode == 0, clean);
        Assert.Contains("数据与审计链一致", clean);

        // Issue 22's second and third observations.
        await ExecuteAsync(db, "UPDATE Units SET Name = '篡改县' WHERE Id = 5");
        var (code, output) = await RunAsync("audit", "verify", "--data", "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("单位（编号 5）：名称与审计链最后记录的不一致", output);
        var head = await ExecuteAsync(db, "SELECT max(Id) FROM AuditEntries");
        await ExecuteAsync(db, "DELETE FROM AuditEntries WHERE Id = (SELECT max(Id) FROM AuditEntries)");
        var (cutCode, cut) = await RunAsync("audit", "verify", "--db", db);
        Assert.Equal(1, cutCode);
        Assert.Contains($"审计链比最近的检查点短：检查点记录到第 {head} 条", Unwrapped(cut));
        Directory.Delete(folder, true);
    }

    // The console wraps a long line at its width.
    private static string Unwrapped(string output) => output.Replace("\n", "", StringComparison.Ordinal);

    private static async Task<string> ExecuteAsync(string db, string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    [Fact]
    public async Task UnitsImport_BadFile_ExitsWithEveryErrorAndWritesNothing()
    {
        var folder = TestFolders.Create("kaohe-cli-");
        var db = Path.Combine(folder, "k.db");
        var file = Path.Combine(folder, "bad.csv");
        await File.WriteAllBytesAsync(file, Files.Csv("规范名称,单位类型,区划代码,通报分组\n甲县,县,410199,郑州市\n,县,410198,郑州市\n", gbk: true));
        var (code, output) = await RunAsync("units", "import", file, "--db", db);
        Assert.Equal(2, code);
        Assert.Contains("第 3 行“规范名称”列：单位名称不能为空", output);
        var (_, list) = await RunAsync("units", "list", "--q", "甲县", "--db", db);
        Assert.Contains("共 0 个单位", list);
        Directory.Delete(folder, true);
    }
}
