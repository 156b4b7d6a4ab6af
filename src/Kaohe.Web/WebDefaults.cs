namespace Kaohe.Web;

public static class WebDefaults
{
    /// <summary>Where `dotnet run --project src/Kaohe.Web` listens unless ASPNETCORE_URLS or --urls says otherwise.</summary>
    public const string Url = "http://127.0.0.1:5080";
}
