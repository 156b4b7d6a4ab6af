using Kaohe.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Kaohe.Web.Security;

public static class Policies
{
    public const string SignedIn = "signed-in";
    public const string ProvinceAdmin = "province-admin";
    /// <summary>Anyone who may change data: everyone but the read-only observer.</summary>
    public const string Writer = "writer";
    /// <summary>Who may upload ledger files: the province admin and county operators (their own unit's rows).</summary>
    public const string LedgerUploader = "ledger-uploader";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        o.AddPolicy(ProvinceAdmin, p => p.RequireRole(nameof(Role.ProvinceAdmin)));
        o.AddPolicy(Writer, p => p.RequireRole(Enum.GetNames<Role>().Where(r => r != nameof(Role.Observer))));
        o.AddPolicy(LedgerUploader, p => p.RequireRole(nameof(Role.ProvinceAdmin), nameof(Role.CountyOperator)));
        o.FallbackPolicy = o.GetPolicy(SignedIn);
    }
}
