using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kaohe.Domain.Collection;

/// <summary>
/// One contact made about a case (留痕). Append-only: never edited or deleted; a correction is a new record that
/// names the one it corrects (<see cref="CorrectsId"/>). <see cref="Hash"/> is the SHA-256 of its content, and
/// the audit chain holds each record's creation with that hash, so <c>kaohe audit verify</c> finds a record
/// edited in the database (content against its hash, hash against the chain), removed (an audited creation with
/// no row) or moved to another id (the chain names the id it was created with).
/// </summary>
public sealed class ContactRecord
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public CollectionCase Case { get; set; } = null!;
    public int UnitId { get; set; }

    /// <summary>When the contact was made (UTC; entered and shown in Beijing time, never in the future).</summary>
    public DateTime ContactedAtUtc { get; set; }

    public ContactChannel Channel { get; set; }
    public ContactParty Party { get; set; }
    public ContactResult Result { get; set; }
    public string? Notes { get; set; }
    public string? NextAction { get; set; }
    public DateOnly? NextActionOn { get; set; }

    /// <summary>承诺还款: the amount promised and the date by which (with <see cref="ContactResult.Promised"/> only).</summary>
    public long? PromisedFen { get; set; }

    public DateOnly? PromisedOn { get; set; }

    /// <summary>The record this one corrects; the corrected record stays as it was.</summary>
    public int? CorrectsId { get; set; }

    public required string RecordedBy { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The SHA-256 of each evidence file (<see cref="ContactEvidence"/>) in the order attached, joined by ","; null without.</summary>
    public string? EvidenceSha256 { get; set; }

    public required string Hash { get; set; }

    public bool HasPromise => PromisedFen is not null && PromisedOn is not null;

    /// <summary>SHA-256 over every field but the id and the hash, as a JSON array (unambiguous), lower-case hex.</summary>
    /// <remarks>The evidence files' hashes come last, and only when there are any, so records made before evidence existed keep their hash.</remarks>
    public string ComputeHash()
    {
        var fields = new List<object?>
        {
            CaseId, UnitId, ContactedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), (int)Channel, (int)Party, (int)Result, Notes, NextAction,
            NextActionOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), PromisedFen, PromisedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), CorrectsId, RecordedBy,
            RecordedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (EvidenceSha256 is not null) fields.Add(EvidenceSha256);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));
    }
}

/// <summary>
/// A photo, recording or PDF kept with a contact record (a visit's photo, a call's recording, a letter's scan). Stored in
/// the database, never under a name a user chose; its SHA-256 is in the record's hash, so a file swapped later is found
/// by <c>kaohe audit verify</c>. The kind is decided by the file's first bytes, not by its name.
/// </summary>
public sealed class ContactEvidence
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    public int Id { get; set; }
    public int ContactRecordId { get; set; }
    public int UnitId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }

    [Audit.AuditRedacted]
    public byte[] Content { get; set; } = [];

    /// <summary>Photos (JPEG, PNG), recordings (MP3, M4A, AMR, WAV) and PDF, by the file's first bytes; null for anything else.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head) => head switch
    {
        _ when head.StartsWith("%PDF"u8) => "application/pdf",
        _ when head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "image/jpeg",
        _ when head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) => "image/png",
        _ when head.StartsWith("ID3"u8) || head.Length > 1 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 => "audio/mpeg",
        _ when head.Length > 12 && head[4..8].SequenceEqual("ftyp"u8) => "audio/mp4",
        _ when head.StartsWith("#!AMR"u8) => "audio/amr",
        _ when head.Length > 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8) => "audio/wav",
        _ => null,
    };
}

/// <summary>
/// What became of a promise to pay, decided by the first 还款计划 import of the unit after the promised date: kept
/// when the borrower paid at least the promised amount from the day of the promise on, broken otherwise.
/// </summary>
public sealed class PromiseOutcome
{
    /// <summary>The <see cref="ContactRecord"/> that holds the promise.</summary>
    public int ContactRecordId { get; set; }

    public int CaseId { get; set; }
    public int UnitId { get; set; }
    public bool Kept { get; set; }

    /// <summary>What the import shows paid from the day of the promise on.</summary>
    public long PaidSinceFen { get; set; }

    public DateOnly CheckedOn { get; set; }
    public int SnapshotId { get; set; }
}
