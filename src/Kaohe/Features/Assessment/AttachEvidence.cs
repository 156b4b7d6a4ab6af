using System.Security.Cryptography;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>
/// Adds an evidence file to a unit's stage: only the role scoring the unit's current stage may (PDF, JPEG, PNG, DOCX,
/// XLSX; at most 10 MB; the type checked from the bytes). Reading them is <see cref="ListEvidence"/> and <see cref="GetEvidenceFile"/>.
/// </summary>
public sealed class AttachEvidence(KaoheDbContext db)
{
    public async Task<int> HandleAsync(int campaignId, int unitId, Stage stage, string fileName, byte[] content, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayScore(scope.Role, stage));
        if (content.Length == 0 || content.Length > EvidenceFile.MaxBytes) throw KaoheException.Invalid(AssessmentTexts.EvidenceSize);
        var type = EvidenceFile.ContentTypeOf(fileName, content) ?? throw KaoheException.Invalid(AssessmentTexts.EvidenceType);
        var unit = await CampaignUnits.LoadAsync(db, campaignId, unitId, scope, ct);
        unit.Campaign.EnsureNotSealed();
        unit.Edit(stage); // throws when the stage is locked
        var file = new EvidenceFile
        {
            CampaignUnitId = unit.Id,
            Stage = stage,
            FileName = Path.GetFileName(fileName),
            ContentType = type,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedBy = scope.UserName,
            UploadedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            Content = content,
        };
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file.Id;
    }
}
