using Kaohe.Data;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Accounts;

public sealed record SignInFailure(DateTime AtUtc, string UserName, string Address, string UserAgent, string Cause);

public sealed record AddressFailures(string Address, int Failures, IReadOnlyList<string> UserNames, DateTime FirstUtc, DateTime LastUtc);

/// <summary>The failed sign-ins since <paramref name="SinceUtc"/>: per client address, most failures first, and the latest ones.</summary>
public sealed record SignInFailureReport(DateTime SinceUtc, int Hours, IReadOnlyList<AddressFailures> ByAddress, IReadOnlyList<SignInFailure> Latest);

/// <summary>
/// Failed sign-ins of the last hours as the audit trail holds them, for the administrator: which addresses fail, at
/// which names, and why (the person signing in was only told "用户名或密码错误").
/// </summary>
public sealed class ListSignInFailures(KaoheDbContext db)
{
    /// <summary>The most entries read: an attack of many more is visible in them, and the page stays quick.</summary>
    public const int MaxEntries = 10_000;

    public const int LatestShown = 50;

    public async Task<SignInFailureReport> HandleAsync(int hours = 24, CancellationToken ct = default)
    {
        hours = Math.Clamp(hours, 1, 24 * 30);
        var since = db.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(hours);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.SignInFailed && e.AtUtc >= since)
            .OrderByDescending(e => e.Id).Take(MaxEntries).ToListAsync(ct);
        var failures = entries.Select(Failure).ToList();
        var byAddress = failures.GroupBy(f => f.Address, StringComparer.Ordinal)
            .Select(g => new AddressFailures(g.Key, g.Count(),
                g.GroupBy(f => f.UserName, StringComparer.Ordinal).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key).ToList(),
                g.Min(f => f.AtUtc), g.Max(f => f.AtUtc)))
            .OrderByDescending(a => a.Failures).ThenByDescending(a => a.LastUtc).ToList();
        return new(since, hours, byAddress, failures.Take(LatestShown).ToList());
    }

    private static SignInFailure Failure(AuditEntry e)
    {
        var (address, agent) = SignIn.ClientOf(e);
        return new(e.AtUtc, e.Actor, address, agent, e.Reason ?? "");
    }
}
