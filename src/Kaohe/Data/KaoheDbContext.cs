using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

/// <summary>
/// The one database context. Each area adds its sets in a partial file (KaoheDbContext.Units.cs, …)
/// and its mapping in Data/Configurations. Every save is one transaction that also appends the
/// audit entries for what it changed.
/// </summary>
public abstract partial class KaoheDbContext(DbContextOptions options, AuditActor actor, TimeProvider clock, AuditGuard guard)
    : DbContext(options)
{
    public AuditActor Actor { get; } = actor;
    public TimeProvider Clock { get; } = clock;
    public AuditGuard Guard { get; } = guard;

    /// <summary>The head the audit entries of the open transaction leave, to become the checkpoint once it commits.</summary>
    internal AuditHead? PendingHead { get; set; }

    /// <summary>Called when a transaction commits (<see cref="AuditHeadInterceptor"/>) or rolls back.</summary>
    internal void TransactionEnded(bool committed)
    {
        if (committed && PendingHead is { } head)
        {
            try
            {
                Guard.Advance(head);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The write has committed and must not be reported as failed; the checkpoint lags behind, which
                // `kaohe audit verify` shows (the entry it names against the chain's length).
            }
        }
        PendingHead = null;
    }

    public DatabaseProvider Provider => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
        ? DatabaseProvider.Postgres
        : DatabaseProvider.Sqlite;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KaoheDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = AuditCapture.Collect(ChangeTracker);
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AuditTrail.AppendAsync(this, changes.Select(c => c.ToDraft()), cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Saves without writing audit entries: only for the audit trail's own rows.</summary>
    internal Task<int> SaveWithoutAuditAsync(CancellationToken ct) => base.SaveChangesAsync(true, ct);
}

public sealed class SqliteKaoheDbContext(DbContextOptions<SqliteKaoheDbContext> options, AuditActor actor, TimeProvider clock, AuditGuard guard)
    : KaoheDbContext(options, actor, clock, guard);

public sealed class PostgresKaoheDbContext(DbContextOptions<PostgresKaoheDbContext> options, AuditActor actor, TimeProvider clock, AuditGuard guard)
    : KaoheDbContext(options, actor, clock, guard);
