using Kaohe.Features.Notices;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Notices;

/// <summary>`kaohe results import` and `kaohe notice` on a real database file.</summary>
public sealed class NoticeCommandTests
{
    private static Task<(int Code, string Output)> RunAsync(params string[] args) => KaoheProcess.RunAsync(args);

    [Fact]
    public async Task ResultsImport_ThenNotice_WritesTheFile_AndASecondImportOfTheYearIsRefused()
    {
        var folder = TestFolders.Create("kaohe-notice-");
        try
        {
            var db = Path.Combine(folder, "k.db");
            var csv = Path.Combine(folder, "2018.csv");
            await File.WriteAllBytesAsync(csv, NoticeReference.Results2018Csv());
            Assert.Equal(0, (await RunAsync("demo", "load", "--db", db)).Code);
            var (code, output) = await RunAsync("results", "import", "--year", "2010", csv, "--db", db);
            Assert.True(code == 0, output);
            Assert.Contains("168个单位，优秀122个，良好41个，合格5个，不合格0个", NoticeReference.Normalize(output));

            var txt = Path.Combine(folder, "n.txt");
            Assert.Equal(0, (await RunAsync("notice", "--campaign", "2010", "--format", "txt", "--out", txt, "--db", db)).Code);
            Assert.Contains(string.Concat(NoticeReference.AnnexLines()), NoticeReference.Normalize(await File.ReadAllTextAsync(txt)));

            var (again, refused) = await RunAsync("results", "import", "--year", "2010", csv, "--db", db);
            Assert.Equal(2, again);
            Assert.Contains("2010 年度已有考核", refused);
            var (missing, said) = await RunAsync("notice", "--campaign", "2009", "--format", "pdf", "--out", txt, "--db", db);
            Assert.Equal((2, true), (missing, said.Contains(NoticeTexts.NoCampaign(2009))));
        }
        finally { Directory.Delete(folder, true); }
    }
}
