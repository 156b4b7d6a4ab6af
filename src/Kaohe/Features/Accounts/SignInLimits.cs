using Microsoft.Extensions.Configuration;

namespace Kaohe.Features.Accounts;

/// <summary>
/// How hard sign-in may be tried (configuration section <c>Kaohe:SignIn</c>); docs/sign-in.md says why these numbers.
/// The web host throttles per address and per address × user name; the account itself is locked only by failures from
/// many addresses, so no one address can lock an official out.
/// </summary>
public sealed record SignInLimits
{
    public const string Section = "Kaohe:SignIn";

    /// <summary>Sign-in requests one client address may make per minute, whatever the names (429 beyond).</summary>
    public int AttemptsPerAddressPerMinute { get; init; } = 20;

    /// <summary>Failed sign-ins of one user name from one address within <see cref="FailureWindow"/> before that address is held off that name (429).</summary>
    public int FailuresPerAddressAndUser { get; init; } = 5;

    /// <summary>How long failures count, for both the hold-off and the account lock.</summary>
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Distinct addresses whose failed sign-ins within <see cref="FailureWindow"/> lock the account for everyone.</summary>
    public int AddressesThatLock { get; init; } = 5;

    public static SignInLimits From(IConfiguration config) => config.GetSection(Section).Get<SignInLimits>() ?? new();
}

/// <summary>
/// Whether this installation is a demo (<c>Kaohe:DemoData</c>, on unless set to false, the same setting that loads the
/// demo data): only a demo accepts the demo accounts' published password.
/// </summary>
public sealed record DemoMode(bool IsOn)
{
    public static DemoMode From(IConfiguration config) => new(config.GetValue("Kaohe:DemoData", true));
}
