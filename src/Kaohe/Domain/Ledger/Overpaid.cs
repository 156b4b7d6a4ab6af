namespace Kaohe.Domain.Ledger;

/// <summary>
/// 罚息及多还: what 还款计划 rows paid above what they were due. The bank charges penalty interest on overdue amounts and
/// borrowers overpay or prepay, so a row's 实还本息 may exceed its 应还本息. The row is kept as paid; the figures count
/// recovery up to what was due and report the excess apart (docs/ledger-figures.md).
/// </summary>
public readonly record struct Overpaid(int Rows, long Fen)
{
    /// <summary>The excess of one row, taken on its principal and interest together (as recovery is): nothing when paid ≤ due.</summary>
    public static Overpaid Of(long due, long paid) => paid > due ? new(1, paid - due) : default;

    public Overpaid Plus(Overpaid other) => new(Rows + other.Rows, Fen + other.Fen);
}

/// <summary>The excess of one unit's rows, named for a report or an import summary.</summary>
public sealed record UnitOverpaid(int UnitId, string Unit, int Rows, long Fen);
