using System.Globalization;
using System.Text;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

public sealed record GeneratorUnit(string Name, string AreaCode);

public sealed record GeneratedLedger(string InstalmentsPath, string ContractsPath, long Instalments, long Contracts, int Borrowers);

/// <summary>
/// Deterministic synthetic 还款计划 and 合同台账 files (same seed, same bytes) for tests, the demo and
/// the benchmark: students of the given units, enrolled 2008–2021, exported on <c>exportDate</c>.
/// </summary>
public static class LedgerGenerator
{
    private const string Surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红晶博文浩宇欣怡子涵思雨梓轩佳琪俊凯雪梅一鸣晓东国庆志刚海燕春生";
    private static readonly string[] Universities = ["郑州大学", "河南大学", "河南师范大学", "河南理工大学", "河南农业大学", "河南科技大学", "华北水利水电大学", "河南财经政法大学", "信阳师范学院", "南阳师范学院", "黄淮学院", "周口师范学院", "郑州轻工业大学", "武汉大学", "西安交通大学"];

    public static GeneratedLedger Generate(string folder, long rows, int seed, IReadOnlyList<GeneratorUnit> units, DateOnly exportDate)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var instalmentsPath = Path.Combine(folder, "还款计划.csv");
        var contractsPath = Path.Combine(folder, "合同台账.csv");
        using var inst = new StreamWriter(instalmentsPath, false, new UTF8Encoding(false), 1 << 20);
        using var cont = new StreamWriter(contractsPath, false, new UTF8Encoding(true), 1 << 16);
        inst.Write("县级单位,合同编号,身份证号,借款人姓名,应还日期,应还本金,应还利息,实还本金,实还利息,实还日期\n");
        cont.Write("县级单位,合同编号,学年,身份证号,借款人姓名,共同借款人姓名,共同借款人身份证号,联系电话,就读高校,学制,入学年份,贷款金额,合同状态,回执录入日期,毕业确认日期\n");
        long written = 0, contracts = 0;
        var borrowers = 0;
        var perUnit = Math.Max(1, rows / units.Count);
        for (var u = 0; u < units.Count && written < rows; u++)
        {
            var unit = units[u];
            var unitTarget = u == units.Count - 1 ? rows : Math.Min(rows, (u + 1) * perUnit);
            var sequence = 0;
            var idsGiven = new HashSet<(DateOnly Birth, int Code)>();
            while (written < unitTarget)
            {
                var b = NewBorrower(random, unit, ++sequence, idsGiven);
                borrowers++;
                for (var i = 0; i < b.StudyYears && written < unitTarget; i++)
                {
                    var number = $"{unit.AreaCode}{b.EnrolmentYear + i}{sequence:D5}{i}";
                    var disbursed = WriteContract(cont, random, unit, b, i, number, exportDate);
                    contracts++;
                    if (!disbursed) continue;
                    foreach (var s in b.Schedule(i, exportDate, random))
                    {
                        if (written >= unitTarget) break;
                        inst.Write($"{unit.Name},{number},{b.IdNumber},{b.Name},{s.Due:yyyy-MM-dd},{Yuan.Format(s.Principal)},{Yuan.Format(s.Interest)},{Yuan.Format(s.PaidPrincipal)},{Yuan.Format(s.PaidInterest)},{s.Paid:yyyy-MM-dd}\n");
                        written++;
                    }
                }
            }
        }
        return new GeneratedLedger(instalmentsPath, contractsPath, written, contracts, borrowers);
    }

    private static SyntheticBorrower NewBorrower(Random r, GeneratorUnit unit, int sequence, HashSet<(DateOnly Birth, int Code)> idsGiven)
    {
        var studyYears = r.Next(100) switch { < 40 => 3, < 95 => 4, _ => 5 };
        var enrolment = r.Next(2008, 2022);
        var birth = new DateOnly(enrolment - 18, 1, 1).AddDays(r.Next(0, 730));
        var amounts = Enumerable.Range(0, studyYears).Select(_ => r.Next(2, 17) * 50_000L).ToArray();
        var payer = r.Next(100) switch { < 78 => PayerKind.OnTime, < 85 => PayerKind.Early, < 92 => PayerKind.Late, < 96 => PayerKind.Partial, _ => PayerKind.Defaulter };
        var name = $"{Surnames[r.Next(Surnames.Length)]}{Given[r.Next(Given.Length)]}{(r.Next(2) == 0 ? "" : Given[r.Next(Given.Length)].ToString())}";
        var code = Unused(idsGiven, ref birth, sequence % 1000);
        var id = SyntheticBorrower.MakeIdNumber(unit.AreaCode, birth, code);
        return new SyntheticBorrower(id, name, enrolment, studyYears, amounts, payer, enrolment + studyYears + r.Next(0, 8));
    }

    /// <summary>
    /// A 3-digit sequence code not yet given in the unit with <paramref name="birth"/> (moved to the next day when all
    /// thousand are): a county gives each code once per birth date, and a unit of more than a thousand borrowers drew
    /// the same ID number for two people, which its own import then rejected. A smaller unit keeps the code it drew.
    /// </summary>
    private static int Unused(HashSet<(DateOnly Birth, int Code)> given, ref DateOnly birth, int code)
    {
        for (var tries = 1; !given.Add((birth, code)); tries++)
        {
            code = (code + 1) % 1000;
            if (tries % 1000 == 0) birth = birth.AddDays(1);
        }
        return code;
    }

    private static bool WriteContract(StreamWriter w, Random r, GeneratorUnit unit, SyntheticBorrower b, int index, string number, DateOnly export)
    {
        var schoolYear = b.EnrolmentYear + index;
        var status = r.Next(100) switch { < 2 => "谢绝", < 3 => "作废", _ => "正常" };
        var receipt = r.Next(100) < 4 ? "" : new DateOnly(schoolYear, 9, 1).AddDays(r.Next(0, 45)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var confirmOn = new DateOnly(b.GraduationYear, 4, 1).AddDays(r.Next(0, 110));
        var confirm = r.Next(100) < 6 || confirmOn > export ? "" : confirmOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parentBirth = new DateOnly(schoolYear - 45, 1, 1).AddDays(r.Next(0, 3650));
        var parentId = SyntheticBorrower.MakeIdNumber(unit.AreaCode, parentBirth, r.Next(1000));
        var parent = $"{b.Name[0]}{Given[r.Next(Given.Length)]}{Given[r.Next(Given.Length)]}";
        var phone = $"1{"35789"[r.Next(5)]}{r.Next(0, 1_000_000_000):D9}";
        var university = Universities[r.Next(Universities.Length)];
        w.Write($"{unit.Name},{number},{schoolYear},{b.IdNumber},{b.Name},{parent},{parentId},{phone},{university},{b.StudyYears},{b.EnrolmentYear},{Yuan.Format(b.YearlyAmountFen[index])},{status},{receipt},{confirm}\n");
        return status == "正常";
    }
}
