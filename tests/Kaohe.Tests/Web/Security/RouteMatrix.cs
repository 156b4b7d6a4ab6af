using System.Globalization;
using System.Text.RegularExpressions;

namespace Kaohe.Tests.Web.Security;

/// <summary>A unit of the demo with its city group, one borrower of its ledger and one open collection case (0 when it has none).</summary>
public sealed record MatrixUnit(int Id, int City, long Borrower, int Case);

/// <summary>
/// The ids a path is filled with. Each caller has an own unit (one it may see: 二七区 for the province, the bank,
/// 郑州 and 二七区 itself; 通许县, assigned to the expert) and another's (西工区 in 洛阳; 中原区 for the county, a
/// neighbour in its own city; 二七区 for the expert).
/// </summary>
public sealed record RouteIds(MatrixUnit Erqi, MatrixUnit Zhongyuan, MatrixUnit Xigong, MatrixUnit Tongxu)
{
    public string Fill(string path, string caller, bool own)
    {
        var unit = (caller, own) switch
        {
            ("county", false) => Zhongyuan,
            ("expert", true) => Tongxu,
            ("expert", false) => Erqi,
            (_, true) => Erqi,
            _ => Xigong,
        };
        return path.Replace("{unit}", Text(unit.Id), StringComparison.Ordinal)
            .Replace("{city}", Text(unit.City), StringComparison.Ordinal)
            .Replace("{key}", unit.Borrower.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{case}", Text(unit.Case), StringComparison.Ordinal);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// What every route answers to each caller. A row: the route as the app maps it ("GET /api/units/{id:int}", or
/// "PAGE /Units/Details/{id:int}" for a Razor page, called with GET), a path to call with the demo's ids, and the
/// answers in the order of <see cref="Callers"/>, separated by "|". Where the path names {unit}, {city} or {key}
/// (a borrower of that unit) or {case} (an open collection case of that unit), each caller's cell has two answers: with its own unit, then with another's. "w" marks
/// a write the caller may make, which the test does not send (the matrix is about refusals). 西工区 has no demo ledger,
/// so its {case} is 0, which exists for nobody. Other ids are fixed: campaign 2 is the demo's open 2019 campaign, campaign 1 the sealed 2018 one, year 2018 its results.
/// To add a route: run the test; its failure names the route and proposes a row as the app answers now; check every
/// answer against who may do what (docs/architecture.md, Security), fix the app where it is wrong, paste the row.
/// </summary>
public static class RouteMatrix
{
    public static readonly string[] Callers = ["anon", "admin", "city", "county", "expert", "bank"];

    public static string UserOf(string caller) => caller switch
    {
        "admin" => "admin",
        "city" => "zhengzhou",
        "county" => "erqi",
        "expert" => "expert",
        "bank" => "bank",
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>The route that ends a session, which the test sends only as anonymous.</summary>
    public const string SignOut = "DELETE /api/session";

    public sealed record Row(string Route, string Path, string Expected);

    private static Row R(string route, string path, string expected) => new(route, path, expected);

    public static bool NamesScope(string path) =>
        path.Contains("{unit}", StringComparison.Ordinal) || path.Contains("{city}", StringComparison.Ordinal) || path.Contains("{case}", StringComparison.Ordinal);

    /// <summary>The cells of an expected line: per caller, its one or two answers.</summary>
    public static List<List<string>> Parse(string expected) =>
        expected.Length == 0 ? [] : expected.Split('|').Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()).ToList();

    /// <summary>A first guess of a route's path for a new row: unit ids as {unit}, other ids as the demo's campaign 2.</summary>
    public static string SamplePath(string route)
    {
        var pattern = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        pattern = Regex.Replace(pattern, @"\{unitId[^}]*\}", "{unit}");
        pattern = Regex.Replace(pattern, @"\{key[^}]*\}", "{key}");
        pattern = Regex.Replace(pattern, @"\{year[^}]*\}", "2018");
        pattern = Regex.Replace(pattern, @"\{stage[^}]*\}", "SelfCheck");
        pattern = Regex.Replace(pattern, @"\{[^}]*\}", "2");
        return pattern;
    }

    public static readonly Row[] Rows =
    [
        R("DELETE /api/session", "/api/session", "401 | w | w | w | w | w"),
        R("GET /api/audit/", "/api/audit/", "401 | 200 | 403 | 403 | 403 | 403"),
        R("GET /api/audit/verify", "/api/audit/verify", "401 | 200 | 403 | 403 | 403 | 403"),
        R("GET /api/collection/cases/{id:int}", "/api/collection/cases/{case}", "401 401 | 200 404 | 200 404 | 200 404 | 404 404 | 403 403"),
        R("GET /api/collection/evidence/{id:int}", "/api/collection/evidence/2", "401 | 404 | 404 | 404 | 404 | 403"),
        R("GET /api/collection/overview", "/api/collection/overview", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/collection/units/{unitId:int}/calls", "/api/collection/units/{unit}/calls", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 403 403"),
        R("GET /api/collection/units/{unitId:int}/queue", "/api/collection/units/{unit}/queue", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 403 403"),
        R("GET /api/campaigns/", "/api/campaigns/", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/campaigns/{id:int}", "/api/campaigns/2", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/campaigns/{id:int}/comparison", "/api/campaigns/2/comparison", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/campaigns/{id:int}/progress", "/api/campaigns/2/progress", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/campaigns/{id:int}/results", "/api/campaigns/2/results", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/campaigns/{id:int}/units/{unitId:int}", "/api/campaigns/2/units/{unit}", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("GET /api/campaigns/{id:int}/units/{unitId:int}/evidence", "/api/campaigns/2/units/{unit}/evidence", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("GET /api/campaigns/{id:int}/units/{unitId:int}/findings", "/api/campaigns/2/units/{unit}/findings", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("GET /api/campaigns/{id:int}/workbook/{stage}", "/api/campaigns/2/workbook/SelfCheck", "401 | 403 | 403 | 200 | 403 | 403"),
        R("GET /api/evidence/{fileId:int}", "/api/evidence/1", "401 | 404 | 404 | 404 | 404 | 404"),
        R("GET /api/ledger/bulletin", "/api/ledger/bulletin", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/ledger/figures", "/api/ledger/figures", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/ledger/forecast", "/api/ledger/forecast", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/ledger/plan", "/api/ledger/plan", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/ledger/units/{id:int}/borrowers", "/api/ledger/units/{unit}/borrowers", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("GET /api/ledger/units/{id:int}/borrowers/{key:long}", "/api/ledger/units/{unit}/borrowers/{key}", "401 401 | 200 404 | 200 404 | 200 404 | 404 404 | 200 404"),
        R("GET /api/ledger/units/{id:int}/indicators", "/api/ledger/units/{unit}/indicators?year=2018", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("GET /api/me", "/api/me", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/notices/", "/api/notices/", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/notices/{year:int}/draft", "/api/notices/2018/draft", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/notices/{year:int}/{format}", "/api/notices/2018/docx", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/results/{year:int}/compare", "/api/results/2018/compare", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/results/{year:int}/compare.xlsx", "/api/results/2018/compare.xlsx", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/results/{year:int}/export", "/api/results/2018/export", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/schemes/", "/api/schemes/", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/schemes/{id:int}/export", "/api/schemes/1/export", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/units/", "/api/units/", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/units/export", "/api/units/export", "401 | 200 | 200 | 200 | 200 | 200"),
        R("GET /api/units/{id:int}", "/api/units/{unit}", "401 401 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("GET /favicon.ico", "/favicon.ico", "301 | 301 | 301 | 301 | 301 | 301"),
        R("GET /openapi/{documentName}.json", "/openapi/v1.json", "401 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /", "/", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Account/Denied", "/Account/Denied", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Account/Login", "/Account/Login", "200 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Account/Logout", "/Account/Logout", "302 | 302 | 302 | 302 | 302 | 302"),
        R("PAGE /Audit", "/Audit", "302 | 200 | 302 | 302 | 302 | 302"),
        R("PAGE /Campaigns", "/Campaigns", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Campaigns/Compare/{id:int}", "/Campaigns/Compare/2", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Campaigns/Details/{id:int}", "/Campaigns/Details/2", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Campaigns/Unit/{id:int}/{unitId:int}", "/Campaigns/Unit/2/{unit}", "302 302 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("PAGE /Collection", "/Collection", "302 | 200 | 200 | 302 | 200 | 200"),
        R("PAGE /Collection/Case/{id:int}", "/Collection/Case/{case}", "302 302 | 200 404 | 200 404 | 200 404 | 404 404 | 302 302"),
        R("PAGE /Collection/LetterTemplates", "/Collection/LetterTemplates", "302 | 200 | 302 | 302 | 302 | 302"),
        R("PAGE /Collection/Queue/{unitId:int}", "/Collection/Queue/{unit}", "302 302 | 200 200 | 200 404 | 200 404 | 200 404 | 302 302"),
        R("PAGE /Error", "/Error", "200 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Ledger", "/Ledger", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Ledger/Borrower/{unitId:int}/{key:long}", "/Ledger/Borrower/{unit}/{key}", "302 302 | 200 404 | 200 404 | 200 404 | 404 404 | 200 404"),
        R("PAGE /Ledger/Borrowers/{unitId:int}", "/Ledger/Borrowers/{unit}", "302 302 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("PAGE /Ledger/Bulletin", "/Ledger/Bulletin", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Ledger/City/{id:int}", "/Ledger/City/{city}", "302 302 | 200 200 | 200 404 | 200 200 | 200 404 | 200 200"),
        R("PAGE /Ledger/Forecast", "/Ledger/Forecast", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Ledger/Unit/{id:int}", "/Ledger/Unit/{unit}", "302 302 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("PAGE /Ledger/Upload", "/Ledger/Upload", "302 | 200 | 302 | 200 | 302 | 302"),
        R("PAGE /Notices", "/Notices", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Notices/Compare/{year:int}", "/Notices/Compare/2018", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Notices/Edit/{year:int}", "/Notices/Edit/2018", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Notices/Import", "/Notices/Import", "302 | 200 | 302 | 302 | 302 | 302"),
        R("PAGE /Public/Results/{year:int?}", "/Public/Results/2018", "200 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Units", "/Units", "302 | 200 | 200 | 200 | 200 | 200"),
        R("PAGE /Units/Details/{id:int}", "/Units/Details/{unit}", "302 302 | 200 200 | 200 404 | 200 404 | 200 404 | 200 200"),
        R("PAGE /Units/Edit/{id:int?}", "/Units/Edit/{unit}", "302 302 | 200 200 | 302 302 | 302 302 | 302 302 | 302 302"),
        R("PAGE /Units/Import", "/Units/Import", "302 | 200 | 302 | 302 | 302 | 302"),
        R("PAGE /Users", "/Users", "302 | 200 | 302 | 302 | 302 | 302"),
        R("PAGE /Users/SignInFailures", "/Users/SignInFailures", "302 | 200 | 302 | 302 | 302 | 302"),
        R("POST /api/collection/calls", "/api/collection/calls", "401 | 400 | 400 | 400 | 400 | 403"),
        R("POST /api/collection/cases/{id:int}/contacts/with-evidence", "/api/collection/cases/{case}/contacts/with-evidence", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("POST /api/collection/cases/{id:int}/contacts", "/api/collection/cases/{case}/contacts", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("POST /api/collection/units/{unitId:int}/letters", "/api/collection/units/{unit}/letters", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("PUT /api/collection/units/{unitId:int}/centre", "/api/collection/units/{unit}/centre", "401 401 | w w | 403 404 | w 404 | 403 404 | 403 403"),
        R("GET /api/collection/letter-templates", "/api/collection/letter-templates", "401 | 200 | 200 | 200 | 200 | 200"),
        R("PUT /api/collection/letter-templates/{kind}", "/api/collection/letter-templates/Overdue", "401 | 400 | 400 | 400 | 400 | 403"),
        R("POST /api/collection/units/{unitId:int}/sms", "/api/collection/units/{unit}/sms", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("POST /api/collection/units/{unitId:int}/sms/batch", "/api/collection/units/{unit}/sms/batch", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("POST /api/campaigns/", "/api/campaigns/", "401 | 400 | 403 | 403 | 403 | 403"),
        R("POST /api/campaigns/{id:int}/confirm", "/api/campaigns/2/confirm", "401 | w | 403 | 403 | w | 403"),
        R("POST /api/campaigns/{id:int}/decisions", "/api/campaigns/2/decisions", "401 | 400 | 400 | 400 | 400 | 403"),
        R("POST /api/campaigns/{id:int}/experts/adjust", "/api/campaigns/2/experts/adjust", "401 | 400 | 403 | 403 | 403 | 403"),
        R("POST /api/campaigns/{id:int}/experts/assign", "/api/campaigns/2/experts/assign", "401 | w | 403 | 403 | 403 | 403"),
        R("POST /api/campaigns/{id:int}/sample", "/api/campaigns/2/sample", "401 | w | 403 | 403 | 403 | 403"),
        R("POST /api/campaigns/{id:int}/seal", "/api/campaigns/2/seal", "401 | 400 | 403 | 403 | 400 | 403"),
        R("POST /api/campaigns/{id:int}/stages/{stage}/{action:regex(^(open|close)$)}", "/api/campaigns/2/stages/SelfCheck/close", "401 | w | 403 | 403 | 403 | 403"),
        R("POST /api/campaigns/{id:int}/units/{unitId:int}/evidence/{stage}", "/api/campaigns/2/units/{unit}/evidence/SelfCheck", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("POST /api/campaigns/{id:int}/units/{unitId:int}/findings", "/api/campaigns/2/units/{unit}/findings", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("POST /api/campaigns/{id:int}/units/{unitId:int}/return", "/api/campaigns/2/units/{unit}/return", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("POST /api/campaigns/{id:int}/workbook/{stage}", "/api/campaigns/2/workbook/SelfCheck", "401 | 400 | 400 | 400 | 400 | 403"),
        R("POST /api/ledger/import", "/api/ledger/import", "401 | 400 | 403 | 400 | 403 | 403"),
        R("POST /api/results/{year:int}/import", "/api/results/2018/import", "401 | 400 | 403 | 403 | 403 | 403"),
        R("POST /api/schemes/import", "/api/schemes/import", "401 | 400 | 403 | 403 | 403 | 403"),
        R("POST /api/session", "/api/session", "400 | 400 | 400 | 400 | 400 | 400"),
        R("POST /api/units/import", "/api/units/import", "401 | 400 | 403 | 403 | 403 | 403"),
        R("PUT /api/campaigns/{id:int}/units/{unitId:int}/stages/{stage}", "/api/campaigns/2/units/{unit}/stages/SelfCheck", "401 401 | 400 400 | 400 400 | 400 400 | 400 400 | 403 403"),
        R("PUT /api/notices/{year:int}/draft", "/api/notices/2018/draft", "401 | 400 | 403 | 403 | 403 | 403"),
        R("PUT /api/schemes/{id:int}", "/api/schemes/1", "401 | w | 403 | 403 | 403 | 403"),
        R("PUT /api/units/{id:int}", "/api/units/{unit}", "401 401 | 400 400 | 403 403 | 403 403 | 403 403 | 403 403"),
    ];
}
