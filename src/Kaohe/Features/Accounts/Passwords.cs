using System.Security.Cryptography;
using Kaohe.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kaohe.Features.Accounts;

/// <summary>ASP.NET Core Identity's standard hasher (PBKDF2 with a per-password salt), and the password policy.</summary>
public static class Passwords
{
    /// <summary>The demo accounts' password, published in the README: accepted only in demo mode.</summary>
    public const string Demo = "kaohe2026";

    private static readonly PasswordHasher<UserAccount> Hasher = new();
    private static readonly UserAccount Nobody = new() { UserName = "", DisplayName = "" };

    // No one's password, hashed by the same hasher at the same cost as every stored one, so a name that does not exist
    // costs what one that does costs, and the time of the answer does not tell them apart.
    private static readonly string DummyHash = Hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    // Passwords that pass the length and letter-and-digit rule but are among the first an attacker tries (lists of
    // leaked passwords, Chinese ones included), and the demo's. Compared without regard to case.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1", "password123", "passw0rd", "p@ssw0rd", "abc12345", "abcd1234", "abc123456", "a1234567", "a12345678",
        "a123456789", "aa123456", "aa123456789", "qq123456", "qwerty123", "qwe123456", "1qaz2wsx", "1q2w3e4r", "zxcvbnm123",
        "woaini1314", "woaini520", "iloveyou1", "admin123", "admin888", "admin1234", "test1234", "12345678a", "123456abc",
        "123456aa", "123qweasd", "qwer1234", "asdf1234", "zxc123456", Demo,
    };

    public static string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    /// <summary>
    /// Whether the password is the account's. Without an account (or a password) it checks against a dummy hash and
    /// answers false: the same work either way.
    /// </summary>
    public static bool Verify(UserAccount? user, string password)
    {
        var known = user is { PasswordHash.Length: > 0 };
        var matches = Hasher.VerifyHashedPassword(user ?? Nobody, known ? user!.PasswordHash : DummyHash, password) != PasswordVerificationResult.Failed;
        return known && matches;
    }

    /// <summary>What is wrong with a new password, in Chinese, or null: too short or without both letters and digits, containing the user name, or common.</summary>
    public static string? PolicyProblem(string? password, string userName, DemoMode demo)
    {
        if (password is not { Length: >= 8 } p || !p.Any(char.IsAsciiLetter) || !p.Any(char.IsAsciiDigit)) return AccountTexts.PasswordTooWeak;
        if (userName.Trim() is { Length: >= 3 } name && p.Contains(name, StringComparison.OrdinalIgnoreCase)) return AccountTexts.PasswordHasUserName;
        if (IsDemo(p)) return demo.IsOn ? null : AccountTexts.DemoPasswordOutsideDemo;
        return Common.Contains(p) ? AccountTexts.PasswordTooCommon : null;
    }

    public static bool IsDemo(string password) => string.Equals(password, Demo, StringComparison.OrdinalIgnoreCase);
}
