namespace Kaohe.Domain.Audit;

/// <summary>
/// One link of the hash-chained audit trail. <see cref="Hash"/> covers every other field and the
/// previous entry's hash, so changing or removing an entry breaks the chain at that point.
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
