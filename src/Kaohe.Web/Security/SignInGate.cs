using System.Globalization;
using System.Threading.RateLimiting;
using Kaohe.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace Kaohe.Web.Security;

/// <summary>What came of a sign-in through the gate: signed in, failed (one answer for every cause), or held off until <see cref="RetryAfter"/>.</summary>
public sealed record SignInOutcome(bool Succeeded, TimeSpan? RetryAfter);

/// <summary>
/// The door both the login page and <c>POST /api/session</c> go through (docs/sign-in.md). ASP.NET Core's rate limiter
/// holds each client address to <see cref="SignInLimits.AttemptsPerAddressPerMinute"/> (the <see cref="Policy"/>, 429),
/// and this gate holds an address off a user name after <see cref="SignInLimits.FailuresPerAddressAndUser"/> failures
/// within <see cref="SignInLimits.FailureWindow"/> (429, before the password is looked at). It counts failures per
/// address × name, not per account: the address that guesses is stopped, the official at another address is not. The
/// address is the one UseForwardedHeaders leaves, so behind a trusted proxy it is the client's. In memory: a restart
/// forgets the counts, which only gives an attacker a fresh window.
/// </summary>
public sealed class SignInGate(SignInLimits limits) : IDisposable
{
    public const string Policy = "sign-in";

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.FailuresPerAddressAndUser, Window = limits.FailureWindow, QueueLimit = 0, AutoReplenishment = true,
        }));

    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password)
    {
        var attempt = new SignInAttempt(userName, password, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        var key = (attempt.Address ?? "") + "\n" + userName.Trim();
        var handler = http.RequestServices.GetRequiredService<SignIn>();
        using (var lease = _failures.AttemptAcquire(key, 0))
        {
            if (!lease.IsAcquired)
            {
                await handler.RecordThrottledAsync(attempt);
                return new(false, RetryAfterOf(lease, limits.FailureWindow));
            }
        }
        // Not the request's token: a caller who hangs up must not keep its failure from being counted and audited.
        var result = await handler.HandleAsync(attempt);
        if (!result.Succeeded)
        {
            _failures.AttemptAcquire(key, 1).Dispose();
            return new(false, null);
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Claims.Principal(result.Scope!, result.DisplayName!, CookieAuthenticationDefaults.AuthenticationScheme));
        return new(true, null);
    }

    /// <summary>The rate limiter's part: the per-address policy for the sign-in routes (their POSTs), answered 429 with Retry-After.</summary>
    public static void AddPolicy(RateLimiterOptions o)
    {
        o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<SignInLimits>().AttemptsPerAddressPerMinute,
                Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        // No body: the status code pages write it, problem details for /api and the Chinese error page for the login page.
        o.OnRejected = (context, _) =>
        {
            SetRetryAfter(context.HttpContext.Response, RetryAfterOf(context.Lease, TimeSpan.FromMinutes(1)));
            return ValueTask.CompletedTask;
        };
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan RetryAfterOf(RateLimitLease lease, TimeSpan otherwise) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : otherwise;

    public void Dispose() => _failures.Dispose();
}
