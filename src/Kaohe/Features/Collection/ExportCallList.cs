using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Common.Time;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Collection;

/// <summary>
/// The call list (电话催收清单) out: the queue, or a tab or bucket of it, with an empty result block for officers to
/// fill in (in Excel, whose drop-downs offer the catalogue, or on paper and type it in later) and bring back through
/// <see cref="ImportCallList"/>. No personal number is in the list: the officer dials from the borrower page, whose
/// clear view is audited.
/// </summary>
public sealed class ExportCallList(ListCollectionQueue queue)
{
    public async Task<(byte[] File, string FileName)> HandleAsync(int unitId, UserScope scope, TableFormat format, QueueTab tab = QueueTab.All, AgingBucket? bucket = null, CancellationToken ct = default)
    {
        var q = await queue.HandleAsync(unitId, scope, tab, bucket, 1, ListCollectionQueue.All, ct);
        var empty = CallListFormat.Block.Select(_ => "");
        var rows = q.Lines.Select(l => (IReadOnlyList<string>)
        [
            l.CaseId.ToString(CultureInfo.InvariantCulture), l.BorrowerName, l.Contracts, Yuan.Format(l.OverdueFen), l.DaysOverdue.ToString(CultureInfo.InvariantCulture),
            CollectionTexts.Name(l.Bucket), l.Contacts.ToString(CultureInfo.InvariantCulture),
            l.LastContactUtc is { } at ? BeijingClock.Format(at) + " " + CollectionTexts.Name(l.LastResult!.Value) : CollectionTexts.NeverContacted,
            l.Promise == PromiseState.None ? "" : $"{CollectionTexts.Name(l.Promise)} {Yuan.Format(l.PromisedFen ?? 0)} {l.PromisedOn:yyyy-MM-dd}",
            .. empty,
        ]).ToList();
        var context = CallListFormat.Context.Length;
        var bytes = TableWriter.Write([.. CallListFormat.Context, .. CallListFormat.Block], rows, format);
        if (format == TableFormat.Xlsx)
            bytes = XlsxDropdowns.Add(bytes, new Dictionary<int, IReadOnlyList<string>>
            {
                [context + 1] = CallListFormat.Names<ContactChannel>(), [context + 2] = CallListFormat.Names<ContactParty>(), [context + 3] = CallListFormat.Names<ContactResult>(),
            }, rows.Count + 1);
        return (bytes, CollectionTexts.CallListFileName(q.UnitName, q.AsOf, TableWriter.Extension(format)));
    }
}
