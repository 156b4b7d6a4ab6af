using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Ledger;

public sealed class LedgerGeneratorTests
{
    [Fact]
    public async Task OneUnitOfThousandsOfBorrowers_GetsAnIdNumberPerPerson_AndItsFileIsValid()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Take(1).ToList();
        // About 4,000 borrowers in one county: more than the thousand sequence codes of one birth date.
        var generated = LedgerGenerator.Generate(TestFolders.Create("kaohe-generator-"), 200_000, 4, units, new DateOnly(2025, 12, 31));

        var rows = File.ReadLines(generated.InstalmentsPath).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(generated.Borrowers, rows.Select(r => r[2]).Distinct().Count());
        Assert.Equal(0, rows.GroupBy(r => r[2]).Count(person => person.Select(r => r[3]).Distinct().Count() > 1));
        var read = InstalmentFile.Read(generated.InstalmentsPath, await UnitResolver.LoadAsync(db.Target, default), sink: null);
        Assert.Empty(read.Errors);
    }
}
