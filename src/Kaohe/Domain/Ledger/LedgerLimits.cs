namespace Kaohe.Domain.Ledger;

/// <summary>
/// The longest text the ledger stores per field, in characters: the columns' sizes in the database and
/// the limits the imports check, so that a long value is a row error in Chinese, not a database error.
/// </summary>
public static class LedgerLimits
{
    public const int ContractNumber = 40;
    public const int PersonName = 50;
    public const int University = 100;
    public const int Phone = 20;
}
