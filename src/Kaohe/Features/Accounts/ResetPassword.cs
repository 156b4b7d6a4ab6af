using Kaohe.Common.Errors;
using Kaohe.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Accounts;

/// <summary>Sets a new password and lifts a lockout; an unknown account is <see cref="ErrorKind.NotFound"/>, a password the policy refuses <see cref="ErrorKind.Invalid"/>.</summary>
public sealed class ResetPassword(KaoheDbContext db, DemoMode demo)
{
    public async Task HandleAsync(string userName, string password, CancellationToken ct = default)
    {
        if (Passwords.PolicyProblem(password, userName, demo) is { } weak) throw KaoheException.Invalid(weak);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct) ?? throw KaoheException.NotFound(AccountTexts.UnknownUser);
        user.PasswordHash = Passwords.Hash(user, password);
        user.RecordSuccessfulSignIn();
        await db.SaveChangesAsync(ct);
    }
}
