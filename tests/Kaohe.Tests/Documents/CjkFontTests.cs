using Kaohe.Common.Errors;
using Kaohe.Documents;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Documents;

/// <summary>Which font a PDF embeds, and what a machine without one is told.</summary>
public sealed class CjkFontTests
{
    private static readonly string Folder = TestFolders.Create("kaohe-font-");

    private static string Existing(string name)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, [0]);
        return path;
    }

    [Fact]
    public void Configured_IsTheOnlyChoice_EvenWhenMissing()
    {
        var other = Existing("other.ttf");
        Assert.Equal(other, CjkFont.Locate(other, Existing("default.ttc"), () => []));
        Assert.Null(CjkFont.Locate(Path.Combine(Folder, "absent.ttf"), Existing("default.ttc"), () => [other]));
    }

    [Fact]
    public void WithoutTheDefault_FontconfigsFirstExistingFace()
    {
        var found = Existing("wqy-zenhei.ttc");
        Assert.Equal(found, CjkFont.Locate(null, Path.Combine(Folder, "no-uming.ttc"), () => [Path.Combine(Folder, "gone.ttf"), found]));
        Assert.Null(CjkFont.Locate("", Path.Combine(Folder, "no-uming.ttc"), () => []));
    }

    [Fact]
    public void Fontconfig_ListsOnlyTrueTypeFaces()
    {
        // On this machine fontconfig lists Noto CJK (CFF) next to AR PL UMing (TrueType) when both are installed.
        var faces = CjkFont.FontconfigChineseTrueType().ToList();
        Assert.DoesNotContain(faces, f => f.Contains("NotoSansCJK", StringComparison.Ordinal) || f.Contains("NotoSerifCJK", StringComparison.Ordinal));
        if (File.Exists(CjkFont.DefaultPath)) Assert.Contains(CjkFont.DefaultPath, faces);
    }

    [Fact]
    public void AMissingFont_IsRefusedAs503_WithWhatToInstall()
    {
        var e = new KaoheException(ErrorKind.Unavailable, CjkFontTexts.Missing, CjkFontTexts.Install);
        Assert.Equal(503, Kaohe.Web.Errors.ErrorResults.StatusOf(e));
        Assert.Contains("fonts-arphic-uming", e.Message);
    }
}
