using Kaohe.Common.Time;

namespace Kaohe.Tests.Infrastructure;

/// <summary>A clock a test sets: to a Beijing wall-clock time, then on from there.</summary>
public sealed class TestClock(DateTime beijing) : TimeProvider
{
    private DateTimeOffset _utc = new(BeijingClock.ToUtc(beijing), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _utc;

    /// <summary>Moves to a Beijing wall-clock time.</summary>
    public void Set(DateTime beijing) => _utc = new DateTimeOffset(BeijingClock.ToUtc(beijing), TimeSpan.Zero);
}
