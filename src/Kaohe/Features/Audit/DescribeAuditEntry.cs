using Kaohe.Data;
using Kaohe.Domain.Audit;

namespace Kaohe.Features.Audit;

/// <summary>An entry's before and after values as a person reads them: Chinese labels and readable values (<see cref="AuditValues"/>).</summary>
public sealed class DescribeAuditEntry(KaoheDbContext db)
{
    private AuditValues? _values;

    public (IReadOnlyList<AuditField> Before, IReadOnlyList<AuditField> After) Handle(AuditEntry entry)
    {
        // Each audited entity's property types, from the EF model, so that a number stored for an enum reads as its name.
        _values ??= new AuditValues(db.Model.GetEntityTypes().Where(t => !t.IsOwned()).GroupBy(t => t.ClrType.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, Type>)g.First().GetProperties().ToDictionary(p => p.Name, p => p.ClrType)));
        return (_values.Describe(entry.EntityType, entry.Before), _values.Describe(entry.EntityType, entry.After));
    }
}
