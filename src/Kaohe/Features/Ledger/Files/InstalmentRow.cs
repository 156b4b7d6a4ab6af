using System.Text;

namespace Kaohe.Features.Ledger;

/// <summary>
/// One validated 还款计划 row: amounts in fen, dates as <see cref="DateOnly.DayNumber"/>,
/// <see cref="PaidDay"/> -1 when nothing is paid, <see cref="IdNumber"/> the numeric form of the ID.
/// </summary>
public readonly record struct InstalmentRow(
    int Line, int UnitId, long IdNumber, int DueDay,
    long DuePrincipal, long DueInterest, long PaidPrincipal, long PaidInterest, int PaidDay)
{
    public long Due => DuePrincipal + DueInterest;
    public long Paid => PaidPrincipal + PaidInterest;
}

/// <summary>Receives each valid row of a file, with the raw text fields the figures do not need.</summary>
public interface IInstalmentSink
{
    void Accept(in InstalmentRow row, ReadOnlySpan<byte> contractNumber, ReadOnlySpan<byte> borrowerName, Encoding encoding);
}

/// <summary>
/// A sink whose work can be split over parts of one file, each part read by its own thread into
/// its own <see cref="NewPart"/>, and joined back in file order when every part is valid.
/// </summary>
public interface IPartitionedSink : IInstalmentSink
{
    /// <summary>An empty sink for a part of about <paramref name="bytes"/> of the file, asked for by the thread that will fill it.</summary>
    IPartitionedSink NewPart(long bytes);

    void Join(IPartitionedSink part);
}
