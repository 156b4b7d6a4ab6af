namespace Kaohe.Domain.Audit;

/// <summary>
/// One link of the hash-chained audit trail. <see cref="Hash"/> covers every other field and the
/// previous entry's hash, so changing or removing an entry breaks the chain at that point. Since issue 22 it is an
/// HMAC with a key kept outside the database (<see cref="AuditHashKind.HmacSha256"/>), so a writer of the table alone
/// cannot recompute it; entries written before are plain SHA-256 and stay so.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public int? UnitId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
    public AuditHashKind HashKind { get; set; }
}

/// <summary>How an entry's <see cref="AuditEntry.Hash"/> was made. Plain entries may only come first: those written before the keyed chain.</summary>
public enum AuditHashKind
{
    Sha256 = 0,     // before issue 22: anyone who can write the table can recompute it
    HmacSha256 = 1, // keyed with a key derived from the data key, kept outside the database
}

public static class AuditActions
{
    public const string Create = "新增";
    public const string Update = "修改";
    public const string Delete = "删除";
    public const string SignIn = "登录";
    public const string SignInFailed = "登录失败";
    public const string Import = "导入";
    public const string Export = "导出";
    public const string Unmask = "查看明文";
}
