using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kaohe.Web.Endpoints;

/// <summary>
/// How an endpoint declares and reads what the error contract needs. A use case refuses by throwing a
/// <see cref="KaoheException"/>; <c>KaoheExceptionHandler</c> writes it as problem details. The endpoint does not catch
/// it: it says which refusals it can answer (<see cref="Refuses{TBuilder}"/>) so the OpenAPI document names them.
/// </summary>
internal static class Problems
{
    /// <summary>Declares the problem responses of the given kinds (400 as validation problem details, with the fields or rows at fault).</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params ErrorKind[] kinds) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in kinds.Select(Errors.ErrorResults.StatusOf).Distinct())
            builder.WithMetadata(status == StatusCodes.Status400BadRequest
                ? new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), ["application/problem+json"])
                : new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }

    /// <summary>Groups import errors by "第 N 行" / column so a client can show each where it belongs.</summary>
    public static Dictionary<string, string[]> Of(IEnumerable<ImportError> errors) => ImportRejectedException.ByPlace(errors);
}

/// <summary>
/// A file an API client sends as the request body (text/csv or the xlsx type), not as a form: JSON clients and curl send
/// it as is, and a browser cannot send such a body cross-site without CORS, so no antiforgery token is needed.
/// </summary>
internal static class Uploads
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The body in memory, and the name to read it by: <paramref name="fileName"/>, or <paramref name="stem"/> with the extension the content type implies.</summary>
    public static async Task<(MemoryStream Content, string Name)> ReadAsync(HttpRequest request, string? fileName, string stem)
    {
        var name = fileName ?? stem + (request.ContentType?.Contains("sheet", StringComparison.Ordinal) == true ? ".xlsx" : ".csv");
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        buffer.Position = 0;
        return (buffer, name);
    }

    /// <summary>Declares the body as a CSV or XLSX file for the OpenAPI document.</summary>
    public static RouteHandlerBuilder AcceptsTable(this RouteHandlerBuilder builder) => builder.Accepts<byte[]>(Csv, Xlsx);
}
