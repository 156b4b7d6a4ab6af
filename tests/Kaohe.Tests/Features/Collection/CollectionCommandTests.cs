using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Collection;

/// <summary>The real `kaohe collection` commands on a demo database file: the queue, a call list out and back in.</summary>
public sealed class CollectionCommandTests
{
    private static Task<(int Code, string Output)> RunAsync(params string[] args) => KaoheProcess.RunAsync(args);

    [Fact]
    public async Task Queue_ExportsTheCallList_AndImportCalls_RecordsTheFilledRowsInTheOfficersName()
    {
        var folder = TestFolders.Create("kaohe-cli-");
        var db = Path.Combine(folder, "k.db");
        Assert.Equal(0, (await RunAsync("demo", "load", "--db", db)).Code);
        var (code, listed) = await RunAsync("collection", "queue", "--unit", "410103", "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("二七区：全部待办", listed);

        var csv = Path.Combine(folder, "calls.csv");
        Assert.Equal(0, (await RunAsync("collection", "queue", "--unit", "二七区", "--out", csv, "--db", db)).Code);
        var lines = (await File.ReadAllLinesAsync(csv)).ToList();
        lines[1] = string.Join(",", lines[1].Split(',').Take(9)) + ",2026-01-05 09:00,电话,借款学生,无人接听,,,,,";
        await File.WriteAllLinesAsync(csv, lines);

        var (refusedCode, refused) = await RunAsync("collection", "import-calls", csv, "--user", "zhengzhou", "--db", db);
        Assert.Equal(2, refusedCode);
        Assert.Contains("第 2 行“案件编号”列：只有本单位的县级资助中心可以登记联系记录", refused);
        var (okCode, ok) = await RunAsync("collection", "import-calls", csv, "--user", "erqi", "--db", db);
        Assert.Equal(0, okCode);
        Assert.Contains("联系记录 1 条", ok);
        var (verifyCode, verify) = await RunAsync("audit", "verify", "--db", db);
        Assert.Equal(0, verifyCode);
        Assert.Contains("与审计链一致", verify);
        Directory.Delete(folder, true);
    }
}
