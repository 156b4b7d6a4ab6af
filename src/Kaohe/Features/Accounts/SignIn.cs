using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Accounts;

/// <summary>A sign-in as the web host receives it: the name and password typed, and where the request came from.</summary>
public sealed record SignInAttempt(string UserName, string Password, string? Address, string? UserAgent);

/// <summary>
/// The outcome of a sign-in attempt: the account's scope, or <see cref="AccountTexts.BadCredentials"/>. A failure is an
/// answer the attempt is for, not a refusal of the error contract: it is counted and audited before it is answered
/// (401 on the API, the message on the login page), so it travels as this result and in no other way.
/// </summary>
public sealed record SignInResult(UserScope? Scope, string? DisplayName, string? Error)
{
    public bool Succeeded => Scope is not null;

    public static readonly SignInResult Failed = new(null, null, AccountTexts.BadCredentials);
}

/// <summary>
/// Checks a password. Every failure answers the same and costs the same (unknown name, wrong password, locked,
/// deactivated; the password is checked in every case, against a dummy hash when there is no account), so neither the
/// message nor the time tells which accounts exist. The account locks for 15 minutes only when failures within
/// <see cref="SignInLimits.FailureWindow"/> come from <see cref="SignInLimits.AddressesThatLock"/> addresses; one address
/// is throttled by the web host instead. Every attempt is audited with its address and user agent, and why it failed.
/// </summary>
public sealed class SignIn(KaoheDbContext db, SignInLimits limits, DemoMode demo)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<SignInResult> HandleAsync(SignInAttempt attempt, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var name = attempt.UserName.Trim();
        db.Actor.Name = name;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
        var matches = Passwords.Verify(user, attempt.Password);
        var cause = user switch
        {
            null => AccountTexts.CauseUnknownUser,
            { IsActive: false } => AccountTexts.CauseInactive,
            { LockedUntilUtc: { } until } when until > now => AccountTexts.CauseLocked(until),
            _ when !matches => await CountFailureAsync(user, AddressOf(attempt), now, ct),
            _ when !demo.IsOn && Passwords.IsDemo(attempt.Password) => AccountTexts.CauseDemoPassword,
            _ => null,
        };
        if (cause is not null)
        {
            await AuditAsync(AuditActions.SignInFailed, user, attempt, cause, ct);
            return SignInResult.Failed;
        }

        if (user!.FailedSignIns > 0 || user.LockedUntilUtc is not null)
        {
            user.RecordSuccessfulSignIn();
            await db.SaveChangesAsync(ct);
        }
        await AuditAsync(AuditActions.SignIn, user, attempt, null, ct);
        return new(ScopeOf(user), user.DisplayName, null);
    }

    /// <summary>Audits an attempt the web host turned away before checking it (too many failures of the name from the address).</summary>
    public async Task RecordThrottledAsync(SignInAttempt attempt, CancellationToken ct = default)
    {
        db.Actor.Name = attempt.UserName.Trim();
        await AuditAsync(AuditActions.SignInFailed, null, attempt, AccountTexts.CauseThrottled, ct);
    }

    public static UserScope ScopeOf(UserAccount u) => new(u.Id, u.UserName, u.Role, u.UnitId, u.CityGroupId);

    /// <summary>Where an audited sign-in came from (its <see cref="AuditEntry.After"/>): the address ("未知" when none) and user agent.</summary>
    public static (string Address, string UserAgent) ClientOf(AuditEntry entry)
    {
        if (entry.After is not { } json || !json.StartsWith('{')) return (AccountTexts.UnknownAddress, "");
        using var document = JsonDocument.Parse(json);
        string Text(string name) => document.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        return (Text(nameof(SignInAttempt.Address)) is { Length: > 0 } a ? a : AccountTexts.UnknownAddress, Text(nameof(SignInAttempt.UserAgent)));
    }

    private static string AddressOf(SignInAttempt attempt) => attempt.Address is { Length: > 0 } a ? a : AccountTexts.UnknownAddress;

    // The failures since the last success or lock (FailedSignIns of them, within the window) and this one: from how many addresses?
    private async Task<string> CountFailureAsync(UserAccount user, string address, DateTime now, CancellationToken ct)
    {
        var id = IdOf(user);
        var since = now - limits.FailureWindow;
        var earlier = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.SignInFailed && e.EntityType == nameof(UserAccount) && e.EntityId == id
                && e.Reason == AccountTexts.CauseWrongPassword && e.AtUtc >= since)
            .OrderByDescending(e => e.Id).Take(user.FailedSignIns).ToListAsync(ct);
        var addresses = earlier.Select(e => ClientOf(e).Address).Append(address).Distinct(StringComparer.Ordinal).Count();
        user.RecordFailedSignIn(now, addresses, limits.AddressesThatLock);
        await db.SaveChangesAsync(ct);
        return user.LockedUntilUtc is { } until && until > now ? AccountTexts.CauseLockedNow(addresses, until) : AccountTexts.CauseWrongPassword;
    }

    private Task AuditAsync(string action, UserAccount? user, SignInAttempt attempt, string? cause, CancellationToken ct)
    {
        // A browser's user agent is some 150 characters; a longer one is cut, so a caller cannot fill the trail.
        var agent = attempt.UserAgent is { Length: > 300 } ua ? ua[..300] : attempt.UserAgent ?? "";
        var client = JsonSerializer.Serialize(new Dictionary<string, string> { [nameof(SignInAttempt.Address)] = AddressOf(attempt), [nameof(SignInAttempt.UserAgent)] = agent }, Json);
        return AuditTrail.RecordAsync(db, new AuditDraft(action, nameof(UserAccount), user is null ? null : IdOf(user), user?.UnitId, null, client, cause), ct);
    }

    private static string IdOf(UserAccount user) => user.Id.ToString(CultureInfo.InvariantCulture);
}
