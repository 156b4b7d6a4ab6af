using Kaohe.Documents;

namespace Kaohe.Tests.Documents;

/// <summary>The PDF route's own pieces: cutting a face out of a .ttc, and breaking Chinese lines.</summary>
public sealed class PdfTypesettingTests
{
    [Fact]
    public void ExtractFace_FromUmingCollection_GivesAStandaloneTrueTypeFont()
    {
        if (!File.Exists(CjkFont.DefaultPath)) Assert.Skip("未安装 fonts-arphic-uming");
        var ttc = File.ReadAllBytes(CjkFont.DefaultPath);
        Assert.True(TrueTypeCollection.IsCollection(ttc));
        Assert.Equal(4, TrueTypeCollection.FaceCount(ttc));
        var ttf = TrueTypeCollection.ExtractFace(ttc, 0);
        Assert.Equal([0, 1, 0, 0], ttf[..4]);
        Assert.False(TrueTypeCollection.IsCollection(ttf));
        Assert.True(ttf.Length > 1_000_000 && ttf.Length <= ttc.Length);
    }

    // Each character is 1 wide, so a width of 5 holds five characters.
    [Theory]
    [InlineData("一二三四五六七八九十", "一二三四五|六七八九十")]
    [InlineData("一二三四五，六七八九", "一二三四五，|六七八九")]   // a comma never starts a line: it hangs
    [InlineData("一二三四（五六七八九", "一二三四|（五六七八|九")]   // an opening bracket never ends one
    [InlineData("优秀率72.62%，良好", "优秀率|72.62%，|良好")]     // a number stays whole
    public void Break_KeepsChinesePunctuationRules(string text, string expected)
    {
        var lines = CjkLineBreaker.Break(text, t => t.Length, 5, 5);
        Assert.Equal(expected, string.Join('|', lines));
    }
}
