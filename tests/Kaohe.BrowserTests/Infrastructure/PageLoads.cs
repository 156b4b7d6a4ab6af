using Microsoft.Playwright;

namespace Kaohe.BrowserTests.Infrastructure;

/// <summary>
/// Waits for the document an action leads to, listening before the action runs. Playwright's waits after the fact
/// (<c>WaitForURLAsync</c>, <c>WaitForLoadStateAsync</c>) look at the frame's load states, then subscribe to the next
/// one; the event comes on Playwright's reader thread while the test runs on another, and one that lands between the
/// look and the subscription is lost: the wait ends in a timeout on a page that loaded long before
/// (docs/testing.md, "The sign-in stall"; microsoft/playwright-dotnet#3364).
/// </summary>
public static class PageLoads
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Clicks <paramref name="selector"/> and returns when the page it leads to has reached <paramref name="state"/>.</summary>
    public static Task ClickAndWaitAsync(IPage page, string selector, LoadState state = LoadState.Load) =>
        RunAndWaitAsync(page, () => page.ClickAsync(selector), state);

    /// <summary>Runs <paramref name="navigate"/> and returns when the next document has reached <paramref name="state"/>.</summary>
    public static async Task RunAndWaitAsync(IPage page, Func<Task> navigate, LoadState state = LoadState.Load)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Reached(object? sender, IPage _) => reached.TrySetResult();
        Listen(page, state, Reached, on: true);
        try
        {
            await navigate();
            await reached.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{page.Url}：{Timeout.TotalSeconds} 秒内未到 {state}", e);
        }
        finally
        {
            Listen(page, state, Reached, on: false);
        }
    }

    private static void Listen(IPage page, LoadState state, EventHandler<IPage> handler, bool on)
    {
        switch (state, on)
        {
            case (LoadState.Load, true): page.Load += handler; break;
            case (LoadState.Load, false): page.Load -= handler; break;
            case (LoadState.DOMContentLoaded, true): page.DOMContentLoaded += handler; break;
            case (LoadState.DOMContentLoaded, false): page.DOMContentLoaded -= handler; break;
            default: throw new ArgumentOutOfRangeException(nameof(state), state, "a page raises no event for it");
        }
    }
}
