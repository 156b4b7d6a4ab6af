using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaohe.Data;

/// <summary>
/// Moves the audit checkpoint once the transaction that appended to the chain has committed, never before: a
/// checkpoint ahead of a rolled-back write would report a cut tail that never was.
/// </summary>
internal sealed class AuditHeadInterceptor : DbTransactionInterceptor
{
    public static readonly AuditHeadInterceptor Instance = new();

    // A transaction disposed without a commit rolls back without a "rolled back" event: a new one starts clean.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Ended(eventData, false);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Ended(eventData, false);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, false);
        return Task.CompletedTask;
    }

    private static void Ended(TransactionEndEventData data, bool committed) => (data.Context as KaoheDbContext)?.TransactionEnded(committed);
}
