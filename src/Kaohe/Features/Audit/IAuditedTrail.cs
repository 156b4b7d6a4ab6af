namespace Kaohe.Features.Audit;

/// <summary>
/// A part of the audit chain's check: records kept outside the chain whose every creation the chain holds with their
/// hash (the contact trail, 催收留痕). <see cref="VerifyAuditChain"/> runs each after the chain itself, which proves
/// those creations unaltered. An area that keeps such records implements one, registered in <c>KaoheServices</c>.
/// </summary>
public interface IAuditedTrail
{
    /// <summary>The trail's name in the check's report, as in “但催收留痕有误”.</summary>
    string Name { get; }

    Task<TrailCheck> VerifyAsync(CancellationToken ct);
}

/// <param name="Checked">What was checked, as the report says it (“催收联系记录 12 条”).</param>
/// <param name="Problem">The first thing wrong with the trail, in Chinese; null when it is intact.</param>
public sealed record TrailCheck(string Checked, string? Problem);
