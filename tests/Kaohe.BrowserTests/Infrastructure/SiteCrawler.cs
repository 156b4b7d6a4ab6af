using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kaohe.BrowserTests.Infrastructure;

public sealed record CrawlResult(int Pages, int Downloads, IReadOnlyList<string> Problems);

/// <summary>
/// Follows every same-site link a signed-in page shows, breadth first from the home page. Pages are opened in the
/// browser and read as a person would; links to files (<c>/api/…</c>, exports) are fetched with the page's cookies and
/// only their status is checked. Links that differ only in their ids (<c>/Units/Details/12</c>, <c>/13</c>, …) are
/// followed <see cref="PerShape"/> times, so the crawl stays bounded on 168 units and grows with new pages by itself.
/// </summary>
public sealed partial class SiteCrawler(IPage page, string role)
{
    public const int PerShape = 2;
    public const int MaxPages = 250;
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>Where screenshots go: under the test output, one per role and area (docs/testing.md).</summary>
    public static string ShotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static readonly string[] NeverFollow = ["/Account/Logout", "/Account/Login"];

    private readonly Queue<string> _queue = new(["/"]);
    private readonly HashSet<string> _seen = ["/"];
    private readonly Dictionary<string, int> _shapes = [];
    private readonly HashSet<string> _shotAreas = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _scriptErrors = [];
    private int _pages, _downloads;

    public async Task<CrawlResult> RunAsync()
    {
        page.Console += (_, message) => { if (message.Type == "error") _scriptErrors.Add(message.Text); };
        page.PageError += (_, error) => _scriptErrors.Add(error);
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        while (_queue.TryDequeue(out var path) && _pages + _downloads < MaxPages)
        {
            if (IsFile(path)) await FetchAsync(origin, path);
            else await VisitAsync(origin, path);
        }
        return new CrawlResult(_pages, _downloads, _problems);
    }

    private static bool IsFile(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) || path.Contains("format=", StringComparison.Ordinal) || path.StartsWith("/lib/", StringComparison.Ordinal);

    private async Task FetchAsync(string origin, string path)
    {
        _downloads++;
        var response = await page.Context.APIRequest.GetAsync(origin + path);
        if (response.Status >= 400) _problems.Add($"{path}：文件链接答复 {response.Status}");
        await response.DisposeAsync();
    }

    private async Task VisitAsync(string origin, string path)
    {
        _pages++;
        _scriptErrors.Clear();
        var (status, took) = await OpenAsync(origin + path);
        if (took > Budget) (status, took) = await OpenAsync(origin + path); // the first call of a page may compile its view
        if (status >= 400)
        {
            _problems.Add($"{path}：答复 {status}");
            return;
        }
        if (took > Budget) _problems.Add($"{path}：用时 {took.TotalMilliseconds:0} ms，超过 {Budget.TotalMilliseconds:0} ms");
        foreach (var error in _scriptErrors) _problems.Add($"{path}：脚本错误 {error}");
        await CheckTextAsync(path);
        await ShootAsync(path);
        foreach (var link in await LinksAsync(origin)) Enqueue(link);
    }

    private async Task<(int Status, TimeSpan Took)> OpenAsync(string url)
    {
        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (response?.Status ?? 0, clock.Elapsed);
    }

    private async Task CheckTextAsync(string path)
    {
        var text = await page.InnerTextAsync("body");
        // What a client sent, shown as it is (a user agent: "AppleWebKit", "HeadlessChrome"), is marked translate="no": not Kaohe's words.
        foreach (var asSent in await page.EvalOnSelectorAllAsync<string[]>("[translate=no]", "es => es.map(e => e.innerText)"))
            if (asSent.Length > 0) text = text.Replace(asSent, "", StringComparison.Ordinal);
        foreach (Match key in InternalKey().Matches(text)) _problems.Add($"{path}：显示了内部键“{key.Value}”");
        foreach (Match name in FieldName().Matches(text)) _problems.Add($"{path}：显示了英文字段名“{name.Value}”");
    }

    private async Task ShootAsync(string path)
    {
        var area = path == "/" ? "home" : path.Split('/', '?')[1].ToLowerInvariant();
        if (!_shotAreas.Add(area)) return;
        Directory.CreateDirectory(ShotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotFolder, $"{role}-{area}.png"), FullPage = true });
    }

    private async Task<IReadOnlyList<string>> LinksAsync(string origin)
    {
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
        return hrefs.Where(h => h.StartsWith(origin + "/", StringComparison.Ordinal))
            .Select(h => h[origin.Length..].Split('#')[0])
            .Where(h => h.Length > 0 && !NeverFollow.Any(n => h.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private void Enqueue(string path)
    {
        if (!_seen.Add(path)) return;
        var shape = Digits().Replace(path, "#");
        _shapes[shape] = _shapes.GetValueOrDefault(shape) + 1;
        if (_shapes[shape] <= PerShape) _queue.Enqueue(path);
    }

    /// <summary>A code name such as <c>ledger.overdue-rate</c> shown to a person; file names (kaohe.db, 通报.docx) are not.</summary>
    [GeneratedRegex(@"(?<![\w./:@-])[a-z]+\.(?!(?:db|csv|xlsx|docx|pdf|txt|json|zip|png|sh)\b)[a-z][a-z-]*[a-z](?![\w./])")]
    private static partial Regex InternalKey();

    /// <summary>A C# property name such as <c>CampaignId</c> or <c>SealedAtUtc</c> shown as a label.</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
