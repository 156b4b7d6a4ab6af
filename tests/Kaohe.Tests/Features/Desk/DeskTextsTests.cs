using Kaohe.Features.Desk;

namespace Kaohe.Tests.Features.Desk;

public sealed class DeskTextsTests
{
    [Theory]
    [InlineData(3, "还有 3 天（2019-03-14 截止）")]
    [InlineData(0, "今天截止（2019-03-14）")]
    [InlineData(-2, "已逾期 2 天（2019-03-14 截止）")]
    public void Countdown_SaysTheDaysLeftOrLate_AndTheDueDate(int daysLeft, string expected) =>
        Assert.Equal(expected, DeskTexts.Countdown(daysLeft, new DateOnly(2019, 3, 14)));
}
