using System.Text.Json;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>The assessment routes in the OpenAPI document: a 2xx each, a schema for every body they answer with, problem or not.</summary>
public sealed class AssessmentOpenApiTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private static readonly string[] Prefixes = ["/api/campaigns", "/api/schemes", "/api/evidence"];

    [Fact]
    public async Task EveryAssessmentOperation_NamesASchema_ForItsSuccessAndItsProblems()
    {
        using var doc = JsonDocument.Parse(await (await app.SignedInAsync("bank")).GetStringAsync("/openapi/v1.json"));
        var faults = new List<string>();
        var (operations, problems) = (0, 0);
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject().Where(p => Prefixes.Any(x => p.Name.StartsWith(x, StringComparison.Ordinal))))
            foreach (var op in path.Value.EnumerateObject())
            {
                operations++;
                var responses = op.Value.GetProperty("responses").EnumerateObject().ToList();
                if (!responses.Any(r => r.Name.StartsWith('2'))) faults.Add($"{op.Name} {path.Name}: no 2xx");
                problems += responses.Count(r => r.Name.StartsWith('4'));
                foreach (var r in responses.Where(r => r.Name != "204" && (r.Name.StartsWith('2') || r.Name.StartsWith('4'))))
                    if (!r.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)))
                        faults.Add($"{op.Name} {path.Name}: {r.Name} without a schema");
            }
        Assert.True(operations >= 27, $"only {operations} assessment operations in the document");
        Assert.True(problems >= operations, $"only {problems} problem responses declared"); // every route refuses something, most several
        Assert.Empty(faults);
    }
}
