using System.Security.Cryptography;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record EvidenceInfo(int Id, Stage Stage, string FileName, long Size, string? UploadedBy, DateTime UploadedAtUtc);

/// <summary>
/// Evidence files for a unit's stage: only the role scoring the unit's current stage may add them
/// (PDF, JPEG, PNG, DOCX, XLSX; at most 10 MB; the type checked from the bytes); anyone who sees the unit may read them.
/// </summary>
public sealed class AttachEvidence(KaoheDbContext db)
{
    public async Task<int> HandleAsync(int campaignId, int unitId, Stage stage, string fileName, byte[] content, UserScope scope, CancellationToken ct = default)
    {
        if (!StageRoles.MayScore(scope.Role, stage)) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        if (content.Length == 0 || content.Length > EvidenceFile.MaxBytes) throw new AssessmentRuleException("佐证材料不能为空，且不能超过 10 MB");
        var type = EvidenceFile.ContentTypeOf(fileName, content) ?? throw new AssessmentRuleException("佐证材料只接受 PDF、JPG、PNG、DOCX、XLSX 文件");
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

    public async Task<List<EvidenceInfo>> ListAsync(int campaignId, int unitId, UserScope scope, CancellationToken ct = default)
    {
        if (!await db.UnitIdsVisibleTo(scope).ContainsAsync(unitId, ct)) throw KaoheException.NotFound();
        return await db.EvidenceFiles.Where(f => db.CampaignUnits.Any(u => u.Id == f.CampaignUnitId && u.CampaignId == campaignId && u.UnitId == unitId))
            .OrderBy(f => f.Id).Select(f => new EvidenceInfo(f.Id, f.Stage, f.FileName, f.Size, f.UploadedBy, f.UploadedAtUtc)).ToListAsync(ct);
    }

    public async Task<EvidenceFile?> GetAsync(int fileId, UserScope scope, CancellationToken ct = default)
    {
        var visible = db.UnitIdsVisibleTo(scope);
        return await db.EvidenceFiles.AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && db.CampaignUnits.Any(u => u.Id == f.CampaignUnitId && visible.Contains(u.UnitId)), ct);
    }
}
