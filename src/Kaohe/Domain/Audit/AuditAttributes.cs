namespace Kaohe.Domain.Audit;

/// <summary>Rows of this type are not audited one by one (bulk data whose import is audited as one event).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>The property's value never enters the audit trail (a password hash, a ciphertext); only that it changed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditRedactedAttribute : Attribute;
