using Kaohe.Domain.Accounts;
using Kaohe.Features.Audit;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kaohe.Web.Pages.Audit;

[Authorize(Policy = Policies.ProvinceAdmin)]
public sealed class IndexModel(ReadAuditTrail read, DescribeAuditEntry describe, VerifyAuditChain verify, ListUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Trail { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<UnitSummary> Units { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync()
    {
        Trail = await read.HandleAsync(new AuditQuery(Unit, UserName, From, To, PageNumber));
        Units = await units.HandleAsync(new UnitSearch(), User.Scope());
    }

    public async Task OnPostVerifyAsync()
    {
        Verification = await verify.HandleAsync();
        await OnGetAsync();
    }

    public (IReadOnlyList<AuditField> Before, IReadOnlyList<AuditField> After) Fields(Kaohe.Domain.Audit.AuditEntry entry) => describe.Handle(entry);

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["user"] = UserName, ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null)).ToUriComponent();
}
