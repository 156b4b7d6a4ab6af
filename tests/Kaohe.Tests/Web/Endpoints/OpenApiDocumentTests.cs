using System.Text.Json;
using System.Text.RegularExpressions;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Web.Endpoints;

/// <summary>
/// The published OpenAPI document describes every answer an API client can get (issue 18 §3): each operation has a
/// success response, a success with a body names its schema, each problem response it declares names its schema, and
/// an operation on a resource by id declares the 404 that out of scope and missing both answer.
/// </summary>
public sealed partial class OpenApiDocumentTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    [Fact]
    public async Task EveryOperation_NamesASchema_ForItsSuccessAndEachProblemItDeclares()
    {
        var offenders = Offenders(await DocumentAsync());
        Assert.True(offenders.Count == 0, $"{offenders.Count} gaps in /openapi/v1.json:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public async Task TheCollectionOperations_AreComplete()
    {
        var doc = await DocumentAsync();
        Assert.Contains(Operations(doc), o => o.Path.StartsWith("/api/collection/", StringComparison.Ordinal));
        var offenders = Offenders(doc).Where(o => o.Contains(" /api/collection/", StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void TheCheck_FindsEachKindOfGap()
    {
        using var doc = JsonDocument.Parse("""
            { "paths": {
                "/a/{id}": { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "type": "string" } } } } } } },
                "/b": { "post": { "responses": { "400": { "content": { "application/problem+json": { "schema": { "$ref": "#/x" } } } } } } },
                "/c": { "get": { "responses": { "200": { "description": "OK" } } } },
                "/d": { "delete": { "responses": { "204": { "description": "No Content" }, "403": { "description": "Forbidden" } } } },
                "/e/{unitId}": { "get": { "responses": { "200": { "content": { "text/csv": { "schema": { } } } }, "404": { "content": { "application/problem+json": { "schema": { "$ref": "#/p" } } } } } } }
            } }
            """);
        Assert.Equal(
        [
            "GET /a/{id}: no 404 declared for its {id}",
            "POST /b: no 2xx response",
            "GET /c: 200 has no content schema",
            "DELETE /d: 403 has no schema",
            "GET /e/{unitId}: 200 has no content schema (text/csv)",
        ], Offenders(doc.RootElement));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var doc = JsonDocument.Parse(await (await app.SignedInAsync("bank")).GetStringAsync("/openapi/v1.json"));
        return doc.RootElement.Clone();
    }

    private sealed record Operation(string Method, string Path, JsonElement Responses);

    private static IEnumerable<Operation> Operations(JsonElement doc) =>
        from path in doc.GetProperty("paths").EnumerateObject()
        from op in path.Value.EnumerateObject()
        where op.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options"
        select new Operation(op.Name.ToUpperInvariant(), path.Name, op.Value.TryGetProperty("responses", out var r) ? r : default);

    /// <summary>"METHOD /path: what is missing", one line per gap.</summary>
    private static List<string> Offenders(JsonElement doc)
    {
        var offenders = new List<string>();
        foreach (var op in Operations(doc))
        {
            var responses = op.Responses.ValueKind == JsonValueKind.Object ? op.Responses.EnumerateObject().ToList() : [];
            var where = $"{op.Method} {op.Path}";
            if (IdParameter().Match(op.Path) is { Success: true } id && responses.All(r => r.Name != "404"))
                offenders.Add($"{where}: no 404 declared for its {id.Value}");
            if (!responses.Any(r => r.Name.StartsWith('2'))) offenders.Add($"{where}: no 2xx response");
            foreach (var r in responses)
            {
                if (r.Name.StartsWith('2') && r.Name != "204" && MissingSchema(r.Value) is { } missing)
                    offenders.Add($"{where}: {r.Name} has no content schema{missing}");
                if (r.Name.StartsWith('4') && MissingSchema(r.Value) is not null)
                    offenders.Add($"{where}: {r.Name} has no schema");
            }
        }
        return offenders;
    }

    /// <summary>Null when the response has content and every media type of it names a non-empty schema; else which lack one.</summary>
    private static string? MissingSchema(JsonElement response)
    {
        if (!response.TryGetProperty("content", out var content) || !content.EnumerateObject().Any()) return "";
        var bare = content.EnumerateObject()
            .Where(m => !m.Value.TryGetProperty("schema", out var s) || s.ValueKind != JsonValueKind.Object || !s.EnumerateObject().Any())
            .Select(m => m.Name).ToList();
        return bare.Count == 0 ? null : $" ({string.Join(", ", bare)})";
    }

    /// <summary>A path parameter naming one thing by its id: {id}, {unitId}, {campaignId}…</summary>
    [GeneratedRegex(@"\{(id|\w+Id)\}")]
    private static partial Regex IdParameter();
}
