using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// A plausible season of collection work on the demo ledger's cases: most cases contacted once to a few times over
/// the last 120 days by the unit's county officer (phone first, then SMS, a visit, the university), some promises to
/// pay, due and not yet due, a few borrowers lost; a share never contacted, so the queue has each kind of work.
/// Seeded, so every demo database holds the same trail for the same ledger.
/// </summary>
public sealed class CollectionDemoStep(KaoheDbContext db) : IDemoStep
{
    public const int Seed = 2019;

    public int Order => 45;

    public async Task<string?> RunAsync(CancellationToken ct)
    {
        if (await db.ContactRecords.AnyAsync(ct)) return null;
        var cases = await db.CollectionCases.Where(c => c.ClosedOn == null).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.UnitId, Overdue = c.OverduePrincipalFen + c.OverdueInterestFen }).ToListAsync(ct);
        if (cases.Count == 0) return null;
        var officers = (await db.Users.Where(u => u.Role == Role.CountyOperator && u.UnitId != null).OrderBy(u => u.Id).Select(u => new { Unit = u.UnitId!.Value, u.UserName }).ToListAsync(ct))
            .GroupBy(u => u.Unit).ToDictionary(g => g.Key, g => g.First().UserName);
        var random = new Random(Seed);
        var clock = new BeijingClock(db.Clock);
        var now = clock.Now.DateTime;
        var recordedAt = clock.UtcNow;
        recordedAt = new DateTime(recordedAt.Ticks - recordedAt.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var records = 0;
        foreach (var c in cases)
        {
            if (random.NextDouble() < 0.3) continue; // never contacted yet
            var contacts = 1 + random.Next(4);
            var at = now.AddDays(-random.Next(30, 120)).Date.AddHours(8 + random.Next(10)).AddMinutes(random.Next(60));
            for (var n = 0; n < contacts && at <= now; n++)
            {
                var last = n == contacts - 1;
                var (channel, party, result) = Pick(random, n, last);
                long? promised = null;
                DateOnly? promisedOn = null;
                if (result == ContactResult.Promised)
                {
                    promised = Math.Max(10000, c.Overdue / (1 + random.Next(3)) / 100 * 100);
                    promisedOn = DateOnly.FromDateTime(at).AddDays(7 + random.Next(40));
                }
                var r = new ContactRecord
                {
                    CaseId = c.Id, UnitId = c.UnitId, ContactedAtUtc = BeijingClock.ToUtc(at), Channel = channel, Party = party, Result = result,
                    Notes = Note(result), NextAction = result is ContactResult.Promised ? "到期核实还款" : result is ContactResult.Lost ? "请村委会协助查找" : "再次联系",
                    NextActionOn = promisedOn ?? DateOnly.FromDateTime(at).AddDays(7 + random.Next(21)), PromisedFen = promised, PromisedOn = promisedOn,
                    RecordedBy = officers.GetValueOrDefault(c.UnitId, "system"), RecordedAtUtc = recordedAt, Hash = "",
                };
                r.Hash = r.ComputeHash();
                db.ContactRecords.Add(r);
                records++;
                at = at.AddDays(5 + random.Next(25)).Date.AddHours(8 + random.Next(10)).AddMinutes(random.Next(60));
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return $"催收联系记录 {records} 条（{cases.Count} 件逾期案件）";
    }

    private static (ContactChannel, ContactParty, ContactResult) Pick(Random random, int n, bool last)
    {
        var roll = random.NextDouble();
        if (n == 0) return roll < 0.55 ? (ContactChannel.Phone, ContactParty.Borrower, ContactResult.NoAnswer)
            : roll < 0.8 ? (ContactChannel.Phone, ContactParty.CoBorrower, last ? ContactResult.Promised : ContactResult.Hardship)
            : (ContactChannel.Sms, ContactParty.Borrower, ContactResult.NoAnswer);
        if (!last) return roll < 0.5 ? (ContactChannel.Sms, ContactParty.Borrower, ContactResult.NoAnswer) : (ContactChannel.Visit, ContactParty.CoBorrower, ContactResult.Hardship);
        return roll < 0.45 ? (ContactChannel.Phone, ContactParty.Borrower, ContactResult.Promised)
            : roll < 0.6 ? (ContactChannel.ViaUniversity, ContactParty.University, ContactResult.Promised)
            : roll < 0.75 ? (ContactChannel.Visit, ContactParty.VillageCommittee, ContactResult.Lost)
            : roll < 0.85 ? (ContactChannel.Phone, ContactParty.Borrower, ContactResult.Disconnected)
            : (ContactChannel.Phone, ContactParty.CoBorrower, ContactResult.Refused);
    }

    private static string Note(ContactResult result) => result switch
    {
        ContactResult.NoAnswer => "电话无人接听，已留言",
        ContactResult.Hardship => "家长称家庭收入困难，已告知可申请还款救助",
        ContactResult.Promised => "本人承诺于约定日期前通过支付宝还款",
        ContactResult.Lost => "本人及家长电话均无法接通，村委会称已外出务工",
        ContactResult.Disconnected => "号码已停机",
        ContactResult.Refused => "家长拒绝代为还款，称由学生本人负责",
        _ => "",
    };
}
