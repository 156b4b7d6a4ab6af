using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>罚息及多还 per unit, named and in the province's order, for a report or an import summary.</summary>
internal static class OverpaidUnits
{
    public static IReadOnlyList<UnitOverpaid> Name(IEnumerable<KeyValuePair<int, Overpaid>> byUnit, UnitResolver registry) =>
        byUnit.Where(u => u.Value.Rows > 0)
            .OrderBy(u => registry.OrderOf(u.Key))
            .Select(u => new UnitOverpaid(u.Key, registry.NameOf(u.Key), u.Value.Rows, u.Value.Fen))
            .ToList();
}
