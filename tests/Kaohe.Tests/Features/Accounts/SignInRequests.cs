using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Kaohe.Tests.Features.Accounts;

/// <summary>Sign-ins as a client sends them, to the API or through the login form, from an address named in X-Forwarded-For.</summary>
internal static partial class SignInRequests
{
    public static async Task<HttpResponseMessage> ApiAsync(HttpClient client, string userName, string password, string? from = null, string? agent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { userName, password }) };
        Send(request, from, agent);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PageAsync(HttpClient client, string userName, string password, string? from = null)
    {
        var login = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(login).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["UserName"] = userName, ["Password"] = password }),
        };
        Send(request, from, null);
        return await client.SendAsync(request);
    }

    /// <summary>The message the login page shows (its alert), or null.</summary>
    public static string? AlertOf(string page) => Alert().Match(page) is { Success: true } m ? m.Groups[1].Value : null;

    private static void Send(HttpRequestMessage request, string? from, string? agent)
    {
        if (from is not null) request.Headers.Add("X-Forwarded-For", from);
        if (agent is not null) request.Headers.TryAddWithoutValidation("User-Agent", agent);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex Alert();
}
