using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The 合同台账 bulk import stores what Entity Framework stored row by row, personal numbers encrypted, on SQLite and PostgreSQL.</summary>
public abstract class ContractImportDataTests(DatabaseProvider provider)
{
    // Every optional column empty in some row and set in another; 乙 has two contracts with one phone number.
    private static string File() =>
        ContractHeader +
        $"中牟县,K1,2024,{Id("410122200301010011")},甲,甲父,{Id("410122197001010013")},13800000000,郑州大学,4,2021,8000,正常,2024-10-09,2025-06-01\n" +
        $"中牟县,K2,2024,{Id("410122200301010021")},乙,,,13900000001,,3,2022,6000.00,结清,,\n" +
        $"中牟县,K3,2023,{Id("410122200301010021")},乙,乙母,,13900000001,河南大学,3,2022,5500.50,作废,2023-10-11,\n" +
        $"登封市,K4,2024,{Id("410185200301010031")},丙,,,,河南大学,5,2020,6000.00,谢绝,,2025-06-30\n";

    [Fact]
    public async Task Contracts_AreStoredFieldByField_AsTheFileSays_WithPersonalNumbersEncrypted()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var path = Write(Files.Csv(File(), bom: true), "合同台账.csv");
        var units = await db.Query(c => UnitResolver.LoadAsync(c, default));
        var records = ContractFile.Read(path, units).Rows;
        var result = await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System));
        Assert.Equal((4L, 2), (result.Rows, result.UnitsReplaced));

        var protector = await db.Run<PersonalDataProtector, PersonalDataProtector>(p => Task.FromResult(p));
        var stored = await db.Query(c => c.Contracts.Where(x => EF.Functions.Like(x.ContractNumber, "K%")).OrderBy(x => x.ContractNumber).ToListAsync());
        var snapshots = await db.Query(c => c.LedgerSnapshots.Where(s => s.Kind == LedgerKind.Contracts && s.SupersededAtUtc == null).ToDictionaryAsync(s => s.UnitId, s => s.Id));
        string? Clear(byte[]? cipher) => cipher is null ? null : protector.Decrypt(cipher);
        DateOnly? Day(int day) => day < 0 ? null : DateOnly.FromDayNumber(day);
        Assert.Equal(
            records.Select(r => (snapshots[r.UnitId], r.UnitId, r.ContractNumber, r.SchoolYear, protector.BorrowerKey(r.IdNumber), r.IdNumber, r.BorrowerName, r.CoBorrowerName,
                r.CoBorrowerIdNumber, r.Phone, r.University, r.StudyYears, r.EnrolmentYear, r.AmountFen, r.Status, Day(r.ReceiptDay), Day(r.ConfirmedDay))),
            stored.Select(c => (c.SnapshotId, c.UnitId, c.ContractNumber, c.SchoolYear, c.BorrowerKey, protector.Decrypt(c.IdNumberCipher), c.BorrowerName, c.CoBorrowerName,
                Clear(c.CoBorrowerIdNumberCipher), Clear(c.PhoneCipher), c.University, c.StudyYears, c.EnrolmentYear, c.AmountFen, c.Status, c.ReceiptEnteredOn, c.GraduationConfirmedOn)));
        Assert.Equal((550050L, ContractStatus.Void), (stored[2].AmountFen, stored[2].Status));
        Assert.DoesNotContain(stored, c => c.PhoneCipher is { } p && System.Text.Encoding.UTF8.GetString(p).Contains("139", StringComparison.Ordinal));
        // One person, one ID ciphertext; the same phone on two contracts gives two unlinkable ciphertexts.
        Assert.Equal(stored[1].IdNumberCipher, stored[2].IdNumberCipher);
        Assert.NotEqual(stored[1].PhoneCipher, stored[2].PhoneCipher);
    }

    [Fact]
    public async Task Contracts_AddEachNewBorrowerOnce_AndKeepTheOnesTheLedgerKnows()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var known = Id("410122200301010011");
        var instalments = Header + $"中牟县,K1,{known},甲,2025-12-20,100,0,0,0,\n";
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(instalments), "还款计划.csv"), UserScope.System));
        var before = await db.Query(c => c.LedgerBorrowers.CountAsync());
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(File(), bom: true), "合同台账.csv"), UserScope.System));

        Assert.Equal(before + 2, await db.Query(c => c.LedgerBorrowers.CountAsync())); // 乙 and 丙; 甲 was known
        var protector = await db.Run<PersonalDataProtector, PersonalDataProtector>(p => Task.FromResult(p));
        foreach (var id in new[] { known, Id("410122200301010021"), Id("410185200301010031") })
        {
            var cipher = await db.Query(c => c.LedgerBorrowers.Where(b => b.Key == protector.BorrowerKey(id)).Select(b => b.IdNumberCipher).SingleAsync());
            Assert.Equal(id, protector.Decrypt(cipher));
        }
    }
}

public sealed class SqliteContractImportDataTests() : ContractImportDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresContractImportDataTests() : ContractImportDataTests(DatabaseProvider.Postgres);
