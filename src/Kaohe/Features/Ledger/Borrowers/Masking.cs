using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Borrowers' 身份证号 and phone numbers are shown masked; only the province admin, and a county
/// operator for its own unit's borrowers, may ask for the clear text, and every such view is audited.
/// </summary>
public static class Masking
{
    public const char Mask = '*';

    /// <summary>410103********1234: the 6-digit division code and the last 4 characters stay, the birth date and order code go.</summary>
    public static string IdNumber(string? id)
    {
        var v = (id ?? "").Trim();
        if (v.Length == 0) return "";
        if (v.Length < 10) return new string(Mask, v.Length);
        return string.Concat(v.AsSpan(0, 6), new string(Mask, v.Length - 10), v.AsSpan(v.Length - 4));
    }

    /// <summary>138****5678: the operator prefix and the last 4 digits stay.</summary>
    public static string Phone(string? phone)
    {
        var v = (phone ?? "").Trim();
        if (v.Length == 0) return "";
        if (v.Length < 8) return new string(Mask, v.Length);
        return string.Concat(v.AsSpan(0, 3), new string(Mask, v.Length - 7), v.AsSpan(v.Length - 4));
    }

    /// <summary>Whether this account may see the clear text of a borrower of the given unit.</summary>
    public static bool MayUnmask(this UserScope scope, int unitId) => scope.Role switch
    {
        Role.ProvinceAdmin => true,
        Role.CountyOperator => scope.UnitId == unitId,
        _ => false,
    };

    /// <summary>Whether this account may see clear text for any unit at all (to offer the 显示明文 action).</summary>
    public static bool MayUnmaskAny(this UserScope scope) => scope.Role is Role.ProvinceAdmin or Role.CountyOperator;

    /// <summary>
    /// Records that clear personal data was shown: whose (the borrower or the export), which fields and why.
    /// Call it before the data leaves the server; a failure to audit must stop the view.
    /// </summary>
    public static Task RecordUnmaskedViewAsync(KaoheDbContext db, UnmaskedView view, CancellationToken ct = default) =>
        AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.Unmask, view.Subject, view.SubjectId, view.UnitId,
            Before: null, After: view.Describe(), Reason: view.Purpose), ct);
}

/// <summary>One showing of clear personal data: the subject (借款人, 导出…), whose data, which fields and how many people.</summary>
public sealed record UnmaskedView(string Subject, string? SubjectId, int? UnitId, string Whose, IReadOnlyList<string> Fields, int People = 1, string? Purpose = null)
{
    public string Describe() => $"显示明文：{string.Join("、", Fields)}；对象：{Whose}" + (People > 1 ? $"（共 {People} 人）" : "");
}
