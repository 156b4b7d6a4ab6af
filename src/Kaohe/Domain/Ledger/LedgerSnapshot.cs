using System.ComponentModel;
using Kaohe.Domain.Units;

namespace Kaohe.Domain.Ledger;

/// <summary>Which of the bank system's two exports a snapshot holds.</summary>
public enum LedgerKind
{
    [Description("还款计划")] Instalments = 1,
    [Description("合同台账")] Contracts = 2,
}

/// <summary>
/// One unit's part of one imported export file. Rows belong to a snapshot; the unit's current
/// snapshot of a kind is the one not superseded. A newer export replaces the current state of the
/// units it covers (their previous snapshot gets <see cref="SupersededAtUtc"/>), while the earlier
/// snapshot's rows stay stored and its figures stay readable. The same file (same SHA-256) for the
/// same unit and kind is stored once: importing it again changes nothing.
/// </summary>
public sealed class LedgerSnapshot
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public LedgerKind Kind { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public required string ImportedBy { get; set; }
    public required string SourceFileName { get; set; }

    /// <summary>SHA-256 of the whole source file, lower-case hex.</summary>
    public required string SourceSha256 { get; set; }

    public int RowCount { get; set; }

    /// <summary>When a newer export for this unit and kind replaced this one; null while current.</summary>
    public DateTime? SupersededAtUtc { get; set; }

    public bool IsCurrent => SupersededAtUtc is null;
}
