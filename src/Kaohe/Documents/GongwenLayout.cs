namespace Kaohe.Documents;

/// <summary>
/// The page of GB/T 9704-2012 党政机关公文格式: A4, top margin 37 mm, left 28 mm, type area 156 × 225 mm,
/// title in 2号小标宋, body in 3号仿宋 (16 pt). §5.2.2 sets 22 lines of 28 characters per page; the
/// lines per page are a setting here because some provinces ask for a denser page.
/// </summary>
public sealed record GongwenLayout(int LinesPerPage = 22, int CharsPerLine = 28)
{
    public const double Mm = 72 / 25.4;                      // points per millimetre
    public const double PageWidth = 210 * Mm, PageHeight = 297 * Mm;
    public const double Top = 37 * Mm, Left = 28 * Mm, Right = 26 * Mm, Bottom = 35 * Mm;
    public const double TextWidth = PageWidth - Left - Right;   // 156 mm
    public const double TextHeight = PageHeight - Top - Bottom; // 225 mm
    public const double BodySize = 16, TitleSize = 22, PageNumberSize = 14; // 3号, 2号, 4号
    public const string TitleFont = "方正小标宋简体", BodyFont = "仿宋_GB2312", HeadingFont = "黑体", SubheadingFont = "楷体_GB2312", PageNumberFont = "宋体";

    public static GongwenLayout Standard { get; } = new();

    public double LinePitch => TextHeight / LinesPerPage;

    public static int Twips(double points) => (int)Math.Round(points * 20);
}
