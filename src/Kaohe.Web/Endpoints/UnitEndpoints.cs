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
        u.ServedDistricts.Select(d => d.DivisionCode is null ? d.Name : $"{d.Name}({d.DivisionCode})").ToList());
}

internal static class UnitEndpoints
{
    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("单位名录").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/", async (string? q, int? group, ListUnits list, HttpContext ctx) =>
            TypedResults.Ok(await list.HandleAsync(new UnitSearch(q, group), ctx.User.Scope())));

        api.MapGet("/{id:int}", async Task<Results<Ok<UnitDetail>, NotFound>> (int id, GetUnit get, HttpContext ctx) =>
            await get.HandleAsync(id, ctx.User.Scope()) is { } u ? TypedResults.Ok(UnitDetail.From(u)) : TypedResults.NotFound());

        api.MapPut("/{id:int}", async Task<Results<Ok<UnitDetail>, ValidationProblem, NotFound>> (int id, UnitEdit edit, EditUnit handler, GetUnit get, HttpContext ctx) =>
        {
            var result = await handler.HandleAsync(id, edit, ctx.User.Scope());
            if (result.Unit is null) return TypedResults.NotFound();
            if (!result.Succeeded) return TypedResults.ValidationProblem(Problems.Of(result.Errors), title: "单位信息有误");
            return TypedResults.Ok(UnitDetail.From((await get.HandleAsync(id, ctx.User.Scope()))!));
        }).RequireAuthorization(Policies.ProvinceAdmin);

        api.MapGet("/export", async (string? format, ExportUnits export, HttpContext ctx) =>
        {
            var f = TableWriter.ParseFormat(format);
            var bytes = await export.HandleAsync(f, ctx.User.Scope());
            return TypedResults.File(bytes, TableWriter.ContentType(f), "单位名录" + TableWriter.Extension(f));
        });

        // The file is the request body (text/csv or the xlsx type), not a form: JSON clients and curl send it as is,
        // and a browser cannot send such a body cross-site without CORS, so no antiforgery token is needed.
        api.MapPost("/import", async Task<Results<Ok<UnitImportResult>, ValidationProblem>> (string? fileName, HttpRequest request, ImportUnits import, HttpContext ctx) =>
        {
            var name = fileName ?? (request.ContentType?.Contains("sheet", StringComparison.Ordinal) == true ? "units.xlsx" : "units.csv");
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            buffer.Position = 0;
            try
            {
                return TypedResults.Ok(await import.HandleAsync(TabularFile.Read(buffer, name), ctx.User.Scope()));
            }
            catch (ImportRejectedException e)
            {
                return TypedResults.ValidationProblem(Problems.Of(e.ImportErrors), title: e.Message);
            }
        }).RequireAuthorization(Policies.ProvinceAdmin).Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
