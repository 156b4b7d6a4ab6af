namespace Kaohe.Domain.Assessment;

/// <summary>
/// A supporting document (佐证材料) attached to one unit's stage. The bytes live in the database
/// (never under a user-chosen path); the audit trail records that a file was added, not its content.
/// </summary>
public sealed class EvidenceFile
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }
    public int CampaignUnitId { get; set; }
    public Stage Stage { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public string? UploadedBy { get; set; }
    public DateTime UploadedAtUtc { get; set; }

    [Audit.AuditRedacted]
    public byte[] Content { get; set; } = [];

    /// <summary>Accepted kinds, by extension and the file's first bytes (a renamed executable is refused).</summary>
    public static string? ContentTypeOf(string fileName, ReadOnlySpan<byte> head) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" when head.StartsWith("%PDF"u8) => "application/pdf",
        ".jpg" or ".jpeg" when head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "image/jpeg",
        ".png" when head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) => "image/png",
        ".docx" when head.StartsWith("PK"u8) => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" when head.StartsWith("PK"u8) => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => null,
    };
}
