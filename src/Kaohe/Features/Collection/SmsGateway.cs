using System.Net.Http.Json;
using System.Text.Json;
using Kaohe.Common.Errors;
using Microsoft.Extensions.Configuration;

namespace Kaohe.Features.Collection;

public enum SmsOutcome { Sent, Refused, TimedOut, Failed }

/// <summary>What a gateway said about one message: <see cref="Detail"/> is its message id, or why it was not sent, in Chinese.</summary>
public sealed record SmsDelivery(SmsOutcome Outcome, string Detail);

/// <summary>Sends one text message. Kaohe's own texts never carry an ID number (<see cref="SmsTemplate"/>).</summary>
public interface ISmsGateway
{
    bool IsConfigured { get; }

    Task<SmsDelivery> SendAsync(string phone, string text, CancellationToken ct = default);
}

/// <summary>
/// An SMS platform reached over HTTP: <c>POST {Url}</c> with JSON <c>{"phone": …, "text": …}</c> and
/// <c>Authorization: Bearer {Token}</c>; any 2xx is sent (a JSON <c>id</c> in the answer is kept), any other status is
/// refused (with the platform's words), no answer within the timeout is timed out. Configured by <c>Kaohe:Sms:Url</c>,
/// <c>Kaohe:Sms:Token</c> and <c>Kaohe:Sms:TimeoutSeconds</c> (10 by default), or the same names as environment variables
/// (<c>Kaohe__Sms__Url</c>, …). Without a URL nothing is sent: <see cref="SendAsync"/> refuses with 503 and the setting to make.
/// </summary>
public sealed class HttpSmsGateway : ISmsGateway, IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri? _url;

    public HttpSmsGateway(IConfiguration configuration)
    {
        var url = configuration["Kaohe:Sms:Url"];
        _url = string.IsNullOrWhiteSpace(url) ? null : new Uri(url);
        var seconds = int.TryParse(configuration["Kaohe:Sms:TimeoutSeconds"], out var s) && s > 0 ? s : 10;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(seconds) };
        if (configuration["Kaohe:Sms:Token"] is { Length: > 0 } token) _http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    }

    public bool IsConfigured => _url is not null;

    public async Task<SmsDelivery> SendAsync(string phone, string text, CancellationToken ct = default)
    {
        if (_url is null) throw new KaoheException(ErrorKind.Unavailable, CollectionTexts.NoSmsGateway);
        try
        {
            using var response = await _http.PostAsJsonAsync(_url, new { phone, text }, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) return new(SmsOutcome.Refused, CollectionTexts.SmsRefused((int)response.StatusCode, Shorten(body)));
            return new(SmsOutcome.Sent, IdIn(body) ?? CollectionTexts.SmsAccepted);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(SmsOutcome.TimedOut, CollectionTexts.SmsTimedOut(_http.Timeout));
        }
        catch (HttpRequestException e)
        {
            return new(SmsOutcome.Failed, CollectionTexts.SmsUnreachable(e.Message));
        }
    }

    private static string? IdIn(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) ? id.ToString() : null;
        }
        catch (JsonException) { return null; }
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";

    public void Dispose() => _http.Dispose();
}
