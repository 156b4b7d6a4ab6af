using Kaohe.Domain.Collection;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public abstract partial class KaoheDbContext
{
    public DbSet<CollectionCase> CollectionCases => Set<CollectionCase>();
    public DbSet<ContactRecord> ContactRecords => Set<ContactRecord>();
    public DbSet<PromiseOutcome> PromiseOutcomes => Set<PromiseOutcome>();
    public DbSet<ContactEvidence> ContactEvidence => Set<ContactEvidence>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
}
