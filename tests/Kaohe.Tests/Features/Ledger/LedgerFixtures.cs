using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>Hand-made ledgers whose figures are worked out in the tests, and helpers to put them in files.</summary>
internal static class LedgerFixtures
{
    public const string Header = "县级单位,合同编号,身份证号,借款人姓名,应还日期,应还本金,应还利息,实还本金,实还利息,实还日期\n";
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    // Three borrowers of 中牟县 (code 410122), one of 登封市 whose rows all fall due after D.
    // A: paid in full 2023; partial 2024 (500 of 1000 paid); 200 due 2025-01-15 paid only after D; 300 due after D prepaid.
    // B: nothing paid in 2021 and 2022 (overdue in two years); 100 due 2025-06-01 prepaid on 2025-01-10.
    // C and D: only rows due after D.
    public static string Instalments() => Instalments(Id("410122200001010015"));

    public static string Instalments(string idA) =>
        Header +
        $"中牟县,HT-A-1,{idA},张三,2023-12-20,900.00,100.00,900.00,100.00,2023-12-19\n" +
        $"410122,HT-A-1,{idA},张三,2024-12-20,900.00,100.00,400.00,100.00,2024-12-20\n" +
        $"中牟县,HT-A-1,{idA},张三,2025-01-15,200,0,200,0,2025-07-01\n" +
        $"中牟县,HT-A-1,{idA},张三,2025-12-20,300.00,0.00,300.00,0.00,2025-05-01\n" +
        $"中牟县,HT-B-1,{Id("410122199905050021")},李四,2021-12-20,450.00,50.00,0,0,\n" +
        $"中牟县,HT-B-1,{Id("410122199905050021")},李四,2022-12-20,480.00,20.00,0.00,0.00,\n" +
        $"中牟县,HT-B-2,{Id("410122199905050021")},李四,2025-06-01,100,0,100,0,2025-01-10\n" +
        $"中牟县,HT-C-1,{Id("410122200102020031")},王五,2026-12-20,1000,49,0,0,\n" +
        $"登封市,HT-D-1,{Id("410185200203030041")},赵六,2026-12-20,1000,49,0,0,\n";

    // Rows paid above their due (罚息 or 多还), as real bank exports have them. 中牟县: E pays 35.50 of penalty interest on
    // 2024 and 100 more principal than due in 2025-03; G pays more interest than due but less in all (no excess); E's
    // 2025-12 row, prepaid with 5.00 more, falls due after D. 登封市: F pays 0.01 over in 2025-05, and 50 over on a row due
    // and paid after D. As of D: 中牟县 2 rows, 135.50; 登封市 1 row, 0.01. In the whole file: 5 rows, 140.50 and 50.01.
    public static string OverpaidInstalments() =>
        Header +
        $"中牟县,HT-E-1,{Id("410122200005050051")},周九,2024-12-20,900.00,100.00,900.00,135.50,2025-02-01\n" +
        $"中牟县,HT-E-1,{Id("410122200005050051")},周九,2025-03-20,500.00,20.00,600.00,20.00,2025-03-20\n" +
        $"中牟县,HT-E-1,{Id("410122200005050051")},周九,2025-12-20,500.00,20.00,520.00,5.00,2025-06-01\n" +
        $"中牟县,HT-G-1,{Id("410122200006060061")},吴十,2025-01-20,1000.00,50.00,900.00,80.00,2025-01-20\n" +
        $"登封市,HT-F-1,{Id("410185200007070071")},郑一,2025-05-20,300.00,10.00,300.00,10.01,2025-06-30\n" +
        $"登封市,HT-F-1,{Id("410185200007070071")},郑一,2025-09-01,100.00,0.00,150.00,0.00,2025-07-15\n";

    public const string ContractHeader = "县级单位,合同编号,学年,身份证号,借款人姓名,共同借款人姓名,共同借款人身份证号,联系电话,就读高校,学制,入学年份,贷款金额,合同状态,回执录入日期,毕业确认日期\n";

    // As of 2025-06-30: 回执 missing for K2 (none) and K3 (entered 10-11, late); K4 is 谢绝; K5's deadline (2025-10-10) is after D.
    // Graduating 2025 without 毕业确认 by 06-30: the borrower of K2 and K3 (counted once); K1 confirmed; K4 declined; K5 graduates 2026.
    public static string Contracts() =>
        ContractHeader +
        $"中牟县,K1,2024,{Id("410122200301010011")},甲,甲父,,13800000000,郑州大学,4,2021,8000,正常,2024-10-09,2025-06-01\n" +
        $"中牟县,K2,2024,{Id("410122200301010021")},乙,,,,河南大学,3,2022,6000.00,正常,,\n" +
        $"中牟县,K3,2023,{Id("410122200301010021")},乙,,,,河南大学,3,2022,6000.00,正常,2023-10-11,\n" +
        $"中牟县,K4,2024,{Id("410122200301010031")},丙,,,,河南大学,3,2022,6000.00,谢绝,,\n" +
        $"中牟县,K5,2025,{Id("410122200301010041")},丁,,,,河南大学,4,2022,6000.00,正常,,\n";

    /// <summary>Completes 17 digits (or fixes an 18-character number) with the right check character.</summary>
    public static string Id(string number) => SyntheticBorrower.MakeIdNumber(number[..6], DateOnly.ParseExact(number[6..14], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), int.Parse(number[14..17], System.Globalization.CultureInfo.InvariantCulture));

    public static string Write(byte[] bytes, string name)
    {
        var folder = TestFolders.Create("kaohe-ledger-");
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static LedgerTotals Unit(LedgerReport report, string name) => report.Rows.Single(r => r.Name == name).Totals;

    /// <summary>The worked-out answers for 中牟县 of <see cref="Instalments"/> as of <see cref="AsOf"/>.</summary>
    public static void AssertZhongmu(LedgerTotals t)
    {
        Assert.Equal(300_00, t.YearDue);                 // A 200 (due 2025-01-15) + B 100 (due 2025-06-01)
        Assert.Equal(100_00, t.YearPaid);                // A's 200 was paid after D; B's 100 prepaid counts
        Assert.Equal(33.33m, t.YearRecoveryRate);        // 100 / 300
        Assert.Equal(3300_00, t.CumulativeDue);          // A 1000+1000+200, B 500+500+100; rows due after D left out
        Assert.Equal(1700_00, t.CumulativeOverdue);      // A 500+200, B 500+500
        Assert.Equal(51.52m, t.OverdueRateAmount);       // 1700/3300 = 51.5151…
        Assert.Equal(2, t.InRepayment);                  // C has nothing due by D
        Assert.Equal(2, t.Overdue);
        Assert.Equal(100.00m, t.OverdueRateHeadcount);
        Assert.Equal([1, 0, 0, 1], t.BucketBorrowers);   // A since 2024-12-20 (192 days); B since 2021-12-20 (1288 days)
        Assert.Equal([700_00L, 0, 0, 1000_00L], t.BucketAmount);
    }

    public static void AssertNothingDue(LedgerTotals t)
    {
        Assert.Equal(0, t.CumulativeDue);
        Assert.Equal(0, t.InRepayment);
        Assert.Null(t.YearRecoveryRate);
        Assert.Null(t.OverdueRateAmount);
        Assert.Null(t.OverdueRateHeadcount);
    }
}
