using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Units;
using Kaohe.Features.Units;
using Kaohe.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaohe.Web.Endpoints;

public sealed record UnitDetail(
    int Id, string Name, string PublishedName, string Type, string? DivisionCode, string? CodeVintage, int CityGroupId, string CityGroup,
    string? ParentCity, int SortOrder, bool IsActive, string? Note, IReadOnlyList<string> Aliases, IReadOnlyList<string> ServedDistricts)
{
    public static UnitDetail From(Unit u) => new(u.Id, u.Name, u.PublishedName, u.Type.ChineseName(), u.DivisionCode, u.CodeVintage, u.CityGroupId,
        u.CityGroup.Name, u.ParentCity, u.SortOrder, u.IsActive, u.Note, u.Aliases.Select(a => a.Name).ToList(),
        u.ServedDistricts.Select(d => UnitRow.District(d.Name, d.DivisionCode)).ToList());
}

internal static class UnitEndpoints
{
    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("单位名录").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", ListUnits);
        api.MapGet("/{id:int}", GetUnit).Refuses(ErrorKind.NotFound);
        api.MapPut("/{id:int}", EditUnit).Refuses(ErrorKind.NotFound, ErrorKind.Invalid).RequireAuthorization(Policies.ProvinceAdmin);
        api.MapGet("/export", ExportUnits).Produces<byte[]>(StatusCodes.Status200OK, Uploads.Csv, Uploads.Xlsx);
        api.MapPost("/import", ImportUnits).Refuses(ErrorKind.Invalid).AcceptsTable().RequireAuthorization(Policies.ProvinceAdmin);
    }

    private static async Task<Ok<IReadOnlyList<UnitSummary>>> ListUnits(string? q, int? group, ListUnits handler, HttpContext ctx) =>
        TypedResults.Ok(await handler.HandleAsync(new UnitSearch(q, group), ctx.User.Scope()));

    private static async Task<Ok<UnitDetail>> GetUnit(int id, GetUnit handler, HttpContext ctx) =>
        TypedResults.Ok(UnitDetail.From(await handler.HandleAsync(id, ctx.User.Scope())));

    /// <summary>Changes the unit, then answers it as read back (in the order and with the group the list shows).</summary>
    private static async Task<Ok<UnitDetail>> EditUnit(int id, UnitEdit edit, EditUnit handler, GetUnit get, HttpContext ctx)
    {
        await handler.HandleAsync(id, edit, ctx.User.Scope());
        return TypedResults.Ok(UnitDetail.From(await get.HandleAsync(id, ctx.User.Scope())));
    }

    private static async Task<FileContentHttpResult> ExportUnits(string? format, ExportUnits handler, HttpContext ctx)
    {
        var f = TableWriter.ParseFormat(format);
        var bytes = await handler.HandleAsync(f, ctx.User.Scope());
        return TypedResults.File(bytes, TableWriter.ContentType(f), UnitTexts.ExportFileStem + TableWriter.Extension(f));
    }

    private static async Task<Ok<UnitImportResult>> ImportUnits(string? fileName, HttpRequest request, ImportUnits handler, HttpContext ctx)
    {
        var (content, name) = await Uploads.ReadAsync(request, fileName, "units");
        using (content) return TypedResults.Ok(await handler.HandleAsync(TabularFile.Read(content, name), ctx.User.Scope()));
    }
}
