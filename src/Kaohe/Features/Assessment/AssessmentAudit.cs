using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kaohe.Features.Assessment;

/// <summary>
/// The before/after JSON of the assessment's audit events (seal, return, expert move). Chinese as it is, not
/// \u-escaped: entries read as they always did, and the chain's hashes of old entries are over the same kind of text.
/// </summary>
internal static class AssessmentAudit
{
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json<T>(IReadOnlyDictionary<string, T> values) => JsonSerializer.Serialize(values, Plain);
}
