using Kaohe.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kaohe.BrowserTests;

/// <summary>
/// <see cref="PageLoads"/> must not lose an event that Playwright delivers before the wait begins: Playwright's own waits
/// lose one that lands between their look at the load states and their subscription (docs/testing.md). Two pages served
/// by a route, so no server is involved.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLoadsTests(BrowserServer server)
{
    private async Task<IPage> TwoPagesAsync()
    {
        var page = await (await server.Browser.NewContextAsync()).NewPageAsync();
        await page.RouteAsync("http://pages.test/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = route.Request.Url.EndsWith("/a", StringComparison.Ordinal) ? "<a href='/b'>b</a>" : "<h1>b</h1>",
        }));
        await page.GotoAsync("http://pages.test/a");
        return page;
    }

    [Theory]
    [InlineData(LoadState.Load)]
    [InlineData(LoadState.DOMContentLoaded)]
    public async Task RunAndWait_EventDeliveredBeforeTheActionReturns_Returns(LoadState state)
    {
        var page = await TwoPagesAsync();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Delivered(object? sender, IPage _) => delivered.TrySetResult();
        if (state == LoadState.Load) page.Load += Delivered;
        else page.DOMContentLoaded += Delivered;

        // The action returns only after Playwright has delivered the event: a wait that subscribes once the action
        // is done has missed it, as Playwright's waits do when the event comes in the gap.
        await PageLoads.RunAndWaitAsync(page, async () =>
        {
            await page.ClickAsync("a");
            await delivered.Task.WaitAsync(PageLoads.Timeout);
        }, state);

        Assert.Equal("http://pages.test/b", page.Url);
        Assert.Equal("b", await page.InnerTextAsync("h1"));
    }
}
