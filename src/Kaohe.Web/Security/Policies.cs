using Kaohe.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Kaohe.Web.Security;

public static class Policies
{
    public const string SignedIn = "signed-in";
    public const string ProvinceAdmin = "province-admin";
    /// <summary>Anyone who may change data: everyone but the read-only observer.</summary>
    public const string Writer = "writer";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        o.AddPolicy(ProvinceAdmin, p => p.RequireRole(nameof(Role.ProvinceAdmin)));
        o.AddPolicy(Writer, p => p.RequireRole(Enum.GetNames<Role>().Where(r => r != nameof(Role.Observer))));
        o.FallbackPolicy = o.GetPolicy(SignedIn);
    }
}
