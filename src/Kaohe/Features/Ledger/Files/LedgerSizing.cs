namespace Kaohe.Features.Ledger;

/// <summary>
/// How many contracts and borrowers a 还款计划 file of a given size holds, roughly, so the per-contract
/// and per-borrower tables are made once at about their final size instead of growing (and rehashing)
/// from empty: a row is about 100 bytes, a contract about 10 yearly rows, a borrower about 3 contracts.
/// An estimate too low only costs a resize.
/// </summary>
internal static class LedgerSizing
{
    private const int MaxEstimate = 1 << 24;

    public static int Contracts(long fileBytes) => (int)Math.Clamp(fileBytes / 1000, 0, MaxEstimate);

    public static int Borrowers(long fileBytes) => (int)Math.Clamp(fileBytes / 3000, 0, MaxEstimate);
}
