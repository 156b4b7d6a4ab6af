using Kaohe.Data;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Audit;

/// <param name="TrailProblem">What is wrong with a trail checked against the chain (<see cref="IAuditedTrail"/>: the contact trail, 催收留痕); null when intact.</param>
/// <param name="Problem">What is wrong past the entries themselves: the chain against its checkpoint, or a sealed campaign's data; null when intact.</param>
public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenId, string Message, string? TrailProblem = null, string? Problem = null)
{
    public bool IsIntact => FirstBrokenId is null && TrailProblem is null && Problem is null;
}

/// <summary>
/// Recomputes the chain from the first entry (each entry's HMAC, or SHA-256 for the plain ones written before the
/// keyed chain, which may only come first) and names the first one that was altered or follows a removal; then holds
/// the chain against its checkpoint (a cut tail, a rewritten chain), each sealed campaign's data against the digest
/// recorded with its seal (<see cref="SealedData"/>), and each trail kept outside the chain against the creations the
/// chain holds (<see cref="IAuditedTrail"/>), in order.
/// </summary>
public sealed class VerifyAuditChain(KaoheDbContext db, IEnumerable<IAuditedTrail> trails)
{
    public async Task<AuditVerification> HandleAsync(CancellationToken ct = default)
    {
        var (state, checkpoint) = db.Guard.ReadCheckpoint();
        var previous = AuditTrail.Genesis;
        long count = 0, plain = 0;
        long? lastId = null;
        string? atCheckpoint = null;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.PreviousHash != previous)
                return new(count, e.Id, AuditTexts.BrokenBefore(e.Id));
            if (e.HashKind == AuditHashKind.Sha256 && plain++ != count - 1) // a plain entry after a keyed one
                return new(count, e.Id, AuditTexts.PlainAfterKeyed(e.Id));
            if (AuditTrail.Expected(e, db.Guard) != e.Hash)
                return new(count, e.Id, AuditTexts.BrokenAt(e));
            if (e.Id == checkpoint?.Id) atCheckpoint = e.Hash;
            (previous, lastId) = (e.Hash, e.Id);
        }
        var notes = new List<string>();
        if (CheckpointProblem(state, checkpoint, atCheckpoint, lastId) is { } problem) return new(count, null, problem, Problem: problem);
        notes.Add(state == CheckpointState.Missing ? AuditTexts.NoCheckpoint(db.Guard.CheckpointPath) : AuditTexts.AtCheckpoint(checkpoint!.Id));
        if (plain > 0) notes.Add(AuditTexts.Legacy(plain));

        var seals = new List<SealCheck>();
        foreach (var id in await SealedData.SealedCampaignsAsync(db, ct))
            seals.Add(await SealedData.CheckAsync(db, id, ct));
        if (seals.Where(s => !s.MayPublish).Select(s => s.Message).ToList() is { Count: > 0 } broken)
            return new(count, null, AuditTexts.IntactButSealsWrong(count, broken), Problem: string.Join("；", broken));
        notes.AddRange(seals.Select(s => s.Message));

        var checks = new List<string>();
        foreach (var trail in trails)
        {
            var check = await trail.VerifyAsync(ct);
            if (check.Problem is { } trailProblem) return new(count, null, AuditTexts.IntactButTrailWrong(count, trail.Name, trailProblem), trailProblem);
            checks.Add(check.Checked);
        }
        return new(count, null, AuditTexts.Intact(count, notes, checks));
    }

    /// <summary>The chain must still pass through the entry the checkpoint names, as it was then.</summary>
    private string? CheckpointProblem(CheckpointState state, AuditHead? checkpoint, string? atCheckpoint, long? lastId) => state switch
    {
        CheckpointState.Invalid => AuditTexts.CheckpointInvalid(db.Guard.CheckpointPath),
        CheckpointState.Present when atCheckpoint is null && (lastId ?? 0) < checkpoint!.Id => AuditTexts.ShorterThanCheckpoint(checkpoint.Id, lastId),
        CheckpointState.Present when atCheckpoint is null => AuditTexts.CheckpointEntryGone(checkpoint!.Id),
        CheckpointState.Present when atCheckpoint != checkpoint!.Hash => AuditTexts.CheckpointMismatch(checkpoint.Id),
        _ => null,
    };
}
