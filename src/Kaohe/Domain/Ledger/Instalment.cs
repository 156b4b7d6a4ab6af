using Kaohe.Domain.Audit;

namespace Kaohe.Domain.Ledger;

/// <summary>
/// One scheduled yearly repayment (还款计划 row) of a contract. Bulk data: imported in one
/// transaction and audited as one event per import, not row by row, and never changed after:
/// the entity has no key (see InstalmentConfiguration). Amounts are integer fen.
/// </summary>
[NotAudited]
public sealed class Instalment
{
    public int SnapshotId { get; set; }

    /// <summary><see cref="LedgerBorrower.Key"/>: keyed hash of the borrower's ID number.</summary>
    public long BorrowerKey { get; set; }

    /// <summary>
    /// The row's place among its snapshot's rows in file order (1, 2, …): with the snapshot it names
    /// the row, and the import writes a snapshot's rows ordered by borrower, then by this.
    /// </summary>
    public int Ordinal { get; set; }

    public int UnitId { get; set; }
    public required string ContractNumber { get; set; }

    public required string BorrowerName { get; set; }
    public DateOnly DueDate { get; set; }
    public long DuePrincipalFen { get; set; }
    public long DueInterestFen { get; set; }
    public long PaidPrincipalFen { get; set; }
    public long PaidInterestFen { get; set; }

    /// <summary>The date the paid amount was completed; null when nothing is paid.</summary>
    public DateOnly? PaidDate { get; set; }

    public long DueFen => DuePrincipalFen + DueInterestFen;
    public long PaidFen => PaidPrincipalFen + PaidInterestFen;
}

/// <summary>
/// A borrower known to the ledger, keyed by <see cref="Key"/> (the first 8 bytes of HMAC-SHA256 of
/// the normalized ID number under the installation's data key), so rows group by borrower without
/// decrypting. The ID number itself is only stored encrypted (AES-GCM, see PersonalDataProtector).
/// </summary>
[NotAudited]
public sealed class LedgerBorrower
{
    public long Key { get; set; }

    [AuditRedacted]
    public required byte[] IdNumberCipher { get; set; }
}
