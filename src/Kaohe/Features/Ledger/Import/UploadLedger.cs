using Kaohe.Common.Errors;
using Kaohe.Domain.Accounts;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A ledger file that arrives over the web: only the province admin and county operators may send one,
/// and a county operator's file may hold its own unit's rows only (any other unit's row rejects the
/// whole file, row by row, in Chinese). The engine's <see cref="ImportLedger"/> does the work on a temp copy.
/// </summary>
public static class UploadLedger
{
    public static async Task<LedgerImportResult> UploadAsync(this ImportLedger import, Stream content, string fileName, UserScope scope, CancellationToken ct = default)
    {
        if (!LedgerUploadRules.MayUpload(scope)) throw KaoheException.Forbidden(LedgerPageTexts.UploadForbidden);
        var extension = Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" ? ".xlsx" : ".csv";
        var folder = Directory.CreateTempSubdirectory("kaohe-upload-").FullName;
        // The name the person chose is kept (it is recorded with the snapshot); only its extension decides the format.
        var path = Path.Combine(folder, SafeName(fileName, extension));
        try
        {
            await using (var file = File.Create(path)) await content.CopyToAsync(file, ct);
            return await import.HandleAsync(path, scope, ct: ct);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string SafeName(string fileName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        foreach (var c in Path.GetInvalidFileNameChars()) stem = stem.Replace(c, '_');
        return (stem.Length == 0 ? "ledger" : stem[..Math.Min(stem.Length, 100)]) + extension;
    }
}
