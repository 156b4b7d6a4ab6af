using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Accounts;

/// <summary>
/// The outcome of a sign-in attempt: the account's scope, or why it was turned away. A wrong password is an answer the
/// attempt is for, not a refusal of the error contract: it is counted towards the lockout and saved before it is
/// answered (401 on the API, the message on the login page), so it travels as this result and in no other way.
/// </summary>
public sealed record SignInResult(UserScope? Scope, string? DisplayName, string? Error)
{
    public bool Succeeded => Scope is not null;
}

/// <summary>Checks a password; five failures in a row lock the account for 15 minutes. Every attempt is audited.</summary>
public sealed class SignIn(KaoheDbContext db)
{
    public async Task<SignInResult> HandleAsync(string userName, string password, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        db.Actor.Name = userName.Trim();
        if (user is null)
        {
            await AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.SignInFailed, nameof(UserAccount), null, null, null, null, AccountTexts.UnknownUser), ct);
            return new(null, null, AccountTexts.BadCredentials);
        }
        if (!user.IsActive) return new(null, null, AccountTexts.Inactive);
        if (user.IsLockedOut(now)) return new(null, null, AccountTexts.LockedOut(user.LockedUntilUtc!.Value));

        if (!Passwords.Verify(user, password))
        {
            user.RecordFailedSignIn(now);
            await db.SaveChangesAsync(ct);
            return new(null, null, user.IsLockedOut(now) ? AccountTexts.LockedOut(user.LockedUntilUtc!.Value) : AccountTexts.BadCredentials);
        }

        if (user.FailedSignIns > 0 || user.LockedUntilUtc is not null)
        {
            user.RecordSuccessfulSignIn();
            await db.SaveChangesAsync(ct);
        }
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.SignIn, nameof(UserAccount), user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), user.UnitId, null, null), ct);
        return new(ScopeOf(user), user.DisplayName, null);
    }

    public static UserScope ScopeOf(UserAccount u) => new(u.Id, u.UserName, u.Role, u.UnitId, u.CityGroupId);
}
