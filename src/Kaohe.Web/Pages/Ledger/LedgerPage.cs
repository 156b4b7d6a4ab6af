using Kaohe.Common.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Ledger;

/// <summary>Ledger pages share an as-of date (默认今天) given as ?asOf=yyyy-MM-dd.</summary>
public abstract class LedgerPage(TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public DateOnly Date => AsOf ?? new Kaohe.Common.Time.BeijingClock(clock).Today;

    public string AsOfQuery => "asOf=" + Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// For <c>ErrorResults.RunAsync</c>: a ledger page has no form to show a refusal on, so any but not found and
    /// forbidden (which the helper answers as the page's 404 and 403) goes on to the error page.
    /// </summary>
    protected static Task<IActionResult> ErrorPage(KaoheException refusal) => Task.FromException<IActionResult>(refusal);
}

/// <summary>The ranking table of a level; children link to <see cref="ChildHref"/> + id.</summary>
public sealed record RankingTable(Kaohe.Features.Ledger.LedgerLevelView View, string ChildHref, string AsOfQuery);
