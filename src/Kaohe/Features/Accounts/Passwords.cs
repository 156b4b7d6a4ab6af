using Kaohe.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kaohe.Features.Accounts;

/// <summary>ASP.NET Core Identity's standard hasher (PBKDF2 with a per-password salt), and the password policy.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(UserAccount user, string password) =>
        user.PasswordHash.Length > 0 && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public static string? PolicyProblem(string? password) =>
        password is { Length: >= 8 } p && p.Any(char.IsAsciiLetter) && p.Any(char.IsAsciiDigit) ? null : AccountTexts.PasswordTooWeak;
}
