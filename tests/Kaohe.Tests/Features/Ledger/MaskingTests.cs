using Kaohe.Domain.Accounts;
using Kaohe.Features.Ledger;

namespace Kaohe.Tests.Features.Ledger;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("410103200001011234", "410103********1234")]
    [InlineData("41010320000101123X", "410103********123X")]
    [InlineData(" 410103200001011234 ", "410103********1234")]
    [InlineData("", "")]
    [InlineData("12345", "*****")]
    public void IdNumber_KeepsTheDivisionCodeAndTheLastFour(string id, string expected) => Assert.Equal(expected, Masking.IdNumber(id));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0371-6655443", "037*****5443")]
    [InlineData("", "")]
    [InlineData("110", "***")]
    public void Phone_KeepsThePrefixAndTheLastFour(string phone, string expected) => Assert.Equal(expected, Masking.Phone(phone));

    [Theory]
    [InlineData(Role.ProvinceAdmin, null, 5, true)]
    [InlineData(Role.CountyOperator, 5, 5, true)]
    [InlineData(Role.CountyOperator, 6, 5, false)]
    [InlineData(Role.CityReviewer, null, 5, false)]
    [InlineData(Role.Expert, null, 5, false)]
    [InlineData(Role.Observer, null, 5, false)]
    public void MayUnmask_OnlyTheAdmin_AndTheOperatorOfTheUnit(Role role, int? ownUnit, int unit, bool expected) =>
        Assert.Equal(expected, new UserScope(1, "u", role, ownUnit, null).MayUnmask(unit));
}
