using Kaohe.Domain.Collection;

namespace Kaohe.Tests.Domain.Collection;

public sealed class CollectionCaseTests
{
    private static CollectionCase Open() => new() { Id = 7, BorrowerName = "张三", ContractNumbers = "HT-1", OpenedOn = new DateOnly(2025, 3, 1) };

    [Fact]
    public void Settle_ClosesWithThePaidDay()
    {
        var c = Open();
        c.Settle(new DateOnly(2025, 8, 1), snapshotId: 3, paidOn: new DateOnly(2025, 7, 20));
        Assert.Equal((false, new DateOnly(2025, 8, 1), 3, CaseCloseReason.Settled, new DateOnly(2025, 7, 20)),
            (c.IsOpen, c.ClosedOn!.Value, c.ClosedBySnapshotId!.Value, c.CloseReason!.Value, c.PaidOn!.Value));
    }

    [Fact]
    public void Drop_ClosesAsNotInTheLedger_WithNoPaidDay()
    {
        var c = Open();
        c.Drop(new DateOnly(2025, 8, 1), snapshotId: 3);
        Assert.Equal((CaseCloseReason.NotInLedger, (DateOnly?)null), (c.CloseReason!.Value, c.PaidOn));
    }

    [Fact]
    public void ACase_ClosesOnce()
    {
        var c = Open();
        c.Settle(new DateOnly(2025, 8, 1), 3, new DateOnly(2025, 7, 20));
        Assert.Throws<InvalidOperationException>(() => c.Drop(new DateOnly(2025, 9, 1), 4));
        Assert.Equal(new DateOnly(2025, 8, 1), c.ClosedOn);
    }
}
