using System.Text;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>The registry and one generated ledger, shared by the tests of reading a file in parts.</summary>
public sealed class GeneratedLedgerFixture : IAsyncLifetime
{
    private TestDatabase? _db;

    public UnitResolver Units { get; private set; } = null!;
    public string Path { get; private set; } = "";
    public string[] Lines { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Units = await UnitResolver.LoadAsync(_db.Target, default);
        var units = (await _db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Take(4).ToList();
        var folder = TestFolders.Create("kaohe-parts-");
        Path = LedgerGenerator.Generate(folder, 20_000, 7, units, new DateOnly(2025, 12, 31)).InstalmentsPath;
        Lines = File.ReadAllLines(Path);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}

/// <summary>
/// A large CSV is read in one part per core, and rows that continue a contract take a fast path: both must
/// give exactly what one sequential pass over every field gives, for good files and for bad ones.
/// </summary>
public sealed class InstalmentFilePartsTests(GeneratedLedgerFixture ledger) : IClassFixture<GeneratedLedgerFixture>
{
    private static readonly DateOnly AsOfDate = new(2025, 9, 30);

    [Fact]
    public void UnitResolver_SharedByTheParts_GivesEachThreadTheRightUnit()
    {
        // The parts of a file resolve unit texts on their own threads through one resolver: an answer must never
        // be another thread's (a last-answer cache shared by the threads once handed out a unit for another text).
        var texts = ledger.Lines.Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).Distinct().ToArray();
        var expected = texts.Select(ledger.Units.Resolve).ToArray();
        Assert.True(texts.Length >= 2 && expected.All(id => id > 0));
        var bytes = texts.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var wrong = 0;
        Parallel.For(0, 8, t =>
        {
            for (var k = 0; k < 100_000; k++)
            {
                var i = (k + t) % texts.Length;
                if (ledger.Units.Resolve(bytes[i], System.Text.Encoding.UTF8) != expected[i]) Interlocked.Increment(ref wrong);
            }
        });
        Assert.Equal(0, wrong);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void InParts_GivesTheFiguresOfOnePass(int parts)
    {
        var inParts = new LedgerCalculator(AsOfDate, 2025);
        var result = InstalmentFileParts.TryRead(ledger.Path, ledger.Units, inParts, null, null, hash: true, parts);
        Assert.NotNull(result);
        var (oneResult, onePass) = OnePass(ledger.Path);
        Assert.Equal(oneResult.Rows, result.Rows);
        Assert.Equal(oneResult.Sha256, result.Sha256);
        Assert.Equal(oneResult.UnitIds.Order(), result.UnitIds.Order());
        Assert.Equal(Table(onePass), Table(inParts));
    }

    [Fact]
    public void InParts_ABadRowInALaterPart_IsReportedWithItsExactLine()
    {
        var lines = (string[])ledger.Lines.Clone();
        var at = lines.Length - 10;
        var cells = lines[at].Split(',');
        cells[6] = "3 元";
        lines[at] = string.Join(',', cells);
        var path = Write(lines);
        Assert.Null(InstalmentFileParts.TryRead(path, ledger.Units, null, null, null, hash: false, partCount: 4));
        var error = Assert.Single(InstalmentFile.Read(path, ledger.Units, null, null, null, hash: false, parts: 4).Errors);
        Assert.Equal((at + 1, "应还利息"), (error.Row, error.Column));
    }

    public static TheoryData<string, string, bool> CrossRowConflicts => new()
    {
        { "contract", "合同编号", false },   // the first row's contract again at the end, with another borrower
        { "instalment", "应还日期", false }, // the first row itself again at the end
        { "name", "借款人姓名", false },     // the first borrower at the end under another name, on a new contract
        { "contract", "合同编号", true },    // the same, in the second contract's rows: in the same part, in another run
        { "instalment", "应还日期", true },
        { "name", "借款人姓名", true },
    };

    [Theory]
    [MemberData(nameof(CrossRowConflicts))]
    public void InParts_RowsThatConflict_InOnePartOrTwo_AreReportedAsInOnePass(string kind, string column, bool nearTheFirst)
    {
        var first = ledger.Lines[1].Split(',');
        var other = ledger.Lines[^1].Split(',');
        var repeated = kind switch
        {
            "contract" => [first[0], first[1], other[2], other[3], "2040-12-20", .. first[5..]],
            "instalment" => first,
            _ => [first[0], "HT-NEW-1", first[2], "另一个名字", .. first[4..]],
        };
        var lines = ledger.Lines.ToList();
        var at = nearTheFirst ? AfterTheFirstContract() + 1 : lines.Count;
        lines.Insert(at, string.Join(',', repeated));
        var path = Write(lines);
        Assert.Null(InstalmentFileParts.TryRead(path, ledger.Units, null, null, null, hash: false, partCount: 3));
        var inParts = InstalmentFile.Read(path, ledger.Units, null, null, null, hash: false, parts: 3);
        var error = Assert.Single(inParts.Errors);
        Assert.Equal((at + 1, column), (error.Row, error.Column));
        Assert.Equal(OnePass(path).Result.Errors, inParts.Errors);
    }

    [Fact]
    public void InParts_ContractsInManyRuns_AreJoinedWhenEachPartIsRead()
    {
        // Sorted by due date, the rows of a contract (and of a borrower) lie apart, in many runs within each part.
        var sorted = ledger.Lines.Take(1).Concat(ledger.Lines.Skip(1).OrderBy(l => l.Split(',')[4], StringComparer.Ordinal)).ToArray();
        var path = Write(sorted);
        var (result, onePass) = OnePass(path);
        Assert.True(result.IsValid);
        var table = Table(onePass);
        Assert.Equal(Table(OnePass(ledger.Path).Calc), table);
        foreach (var parts in new[] { 2, 5 })
        {
            var calc = new LedgerCalculator(AsOfDate, 2025);
            Assert.NotNull(InstalmentFileParts.TryRead(path, ledger.Units, calc, null, null, hash: false, parts));
            Assert.Equal(table, Table(calc));
        }
    }

    [Theory]
    [InlineData("instalment", "应还日期")] // the first row again, 50 rows on: another run of its contract
    [InlineData("name", "借款人姓名")]     // its borrower 50 rows on under another name, on a new contract
    public void InParts_RowsInManyRuns_ThatConflict_AreReportedAsInOnePass(string kind, string column)
    {
        // Sorted by due date, a part's lists of runs and names fill many times over and are compacted as they fill.
        var sorted = ledger.Lines.Skip(1).OrderBy(l => l.Split(',')[4], StringComparer.Ordinal).ToList();
        var first = sorted[0].Split(',');
        sorted.Insert(50, kind == "name" ? string.Join(',', [first[0], "HT-NEW-1", first[2], "另一个名字", .. first[4..]]) : sorted[0]);
        var lines = ledger.Lines.Take(1).Concat(sorted).ToArray();
        var path = Write(lines);
        Assert.Null(InstalmentFileParts.TryRead(path, ledger.Units, null, null, null, hash: false, partCount: 2));
        var error = Assert.Single(InstalmentFile.Read(path, ledger.Units, null, null, null, hash: false, parts: 2).Errors);
        Assert.Equal((52, column), (error.Row, error.Column));
    }

    [Fact]
    public void InParts_AContractsRunsOnTwoDaysOfTheYear_AreLeftToOnePass_WhichAcceptsThem()
    {
        // The first contract's last row moved a few rows on and to another day of the year: its two runs in one part
        // keep their days on different days of the year, which a part does not join; the one pass accepts the file.
        var lines = ledger.Lines.ToList();
        var end = AfterTheFirstContract();
        var moved = lines[end - 1].Split(',');
        lines.RemoveAt(end - 1);
        moved[4] = "2040-06-01";
        lines.Insert(end + 2, string.Join(',', moved));
        var path = Write(lines);
        Assert.Null(InstalmentFileParts.TryRead(path, ledger.Units, null, null, null, hash: false, partCount: 2));
        var (onePassResult, onePass) = OnePass(path);
        Assert.True(onePassResult.IsValid);
        var calc = new LedgerCalculator(AsOfDate, 2025);
        Assert.True(InstalmentFile.Read(path, ledger.Units, calc, null, null, hash: false, parts: 2).IsValid);
        Assert.Equal(Table(onePass), Table(calc));
    }

    /// <summary>The index of the first line after the first contract's rows.</summary>
    private int AfterTheFirstContract()
    {
        var contract = ledger.Lines[1].Split(',')[1];
        return Array.FindIndex(ledger.Lines, 2, l => l.Split(',')[1] != contract);
    }

    [Fact]
    public void InParts_QuotedLineBreaksAcrossCuts_AreReadWhole()
    {
        // Every name holds a quoted line break, so some cut falls inside a quoted field: that part gives up.
        var lines = ledger.Lines.Take(3000).Select((l, i) => i == 0 ? l : QuoteName(l)).ToArray();
        var path = Write(lines);
        var (_, onePass) = OnePass(path);
        var gaveUp = 0;
        for (var parts = 2; parts <= 12; parts++)
        {
            var calc = new LedgerCalculator(AsOfDate, 2025);
            var result = InstalmentFile.Read(path, ledger.Units, calc, null, null, hash: false, parts);
            Assert.True(result.IsValid);
            Assert.Equal(Table(onePass), Table(calc));
            if (InstalmentFileParts.TryRead(path, ledger.Units, null, null, null, hash: false, parts) is null) gaveUp++;
        }
        Assert.True(gaveUp > 0, "no cut fell inside a quoted field: the test proves nothing");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void RowsPaidAboveTheirDue_InTheFastPathAndInParts_AreSummedAsInOnePassOfTheFullCheck(int parts)
    {
        // 1.23 of penalty interest on every 7th paid row; every other such row respelled, so the full check takes it.
        var penalised = ledger.Lines.Select((l, i) => i > 0 && i % 7 == 0 && l.Split(',')[9].Length > 0 ? Penalise(l, respell: i % 2 == 0) : l).ToArray();
        var excess = penalised.Skip(1).Select(l => Excess(l.Split(','))).Where(e => e > 0).ToList();
        Assert.True(excess.Count > 100, "too few rows paid above their due: the test proves little");
        var path = Write(penalised);
        var calc = new LedgerCalculator(AsOfDate, 2025);
        var result = InstalmentFile.Read(path, ledger.Units, calc, null, null, hash: false, parts);
        Assert.True(result.IsValid);
        Assert.Equal((excess.Count, excess.Sum()), (result.Overpaid.Values.Sum(o => o.Rows), result.Overpaid.Values.Sum(o => o.Fen)));
        var (oneResult, onePass) = OnePass(path);
        Assert.Equal(result.Overpaid.OrderBy(o => o.Key), oneResult.Overpaid.OrderBy(o => o.Key));
        Assert.Equal(Table(onePass), Table(calc));
    }

    private static string Penalise(string line, bool respell)
    {
        var c = line.Split(',');
        c[8] = (decimal.Parse(c[8].Trim(), System.Globalization.CultureInfo.InvariantCulture) + 1.23m).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        var penalised = string.Join(',', c);
        return respell ? Respell(penalised) : penalised;
    }

    private static long Excess(string[] c)
    {
        static long Fen(string s) => (long)(decimal.Parse(s.Trim().Trim('"'), System.Globalization.CultureInfo.InvariantCulture) * 100);
        return Math.Max(0, Fen(c[7]) + Fen(c[8]) - Fen(c[5]) - Fen(c[6]));
    }

    [Fact]
    public void RowsTheFastPathDeclines_GiveTheSameFiguresThroughTheFullCheck()
    {
        // Other spellings of the same values on every third row: the fast path leaves them to the full check.
        var odd = ledger.Lines.Select((l, i) => i > 0 && i % 3 == 0 ? Respell(l) : l).ToArray();
        var reordered = ledger.Lines.Select(SwapIdAndName).ToArray(); // another column order: no fast path at all
        var crlf = LedgerFixtures.Write(Encoding.UTF8.GetBytes(string.Join("\r\n", ledger.Lines) + "\r\n"), "还款计划.csv");
        var (_, clean) = OnePass(ledger.Path);
        foreach (var path in new[] { Write(odd), Write(reordered), crlf })
        {
            var calc = new LedgerCalculator(AsOfDate, 2025);
            Assert.True(InstalmentFile.Read(path, ledger.Units, calc, null, null, hash: false, parts: 1).IsValid);
            Assert.Equal(Table(clean), Table(calc));
        }
    }

    private (InstalmentFileResult Result, LedgerCalculator Calc) OnePass(string path)
    {
        var calc = new LedgerCalculator(AsOfDate, 2025);
        return (InstalmentFile.Read(path, ledger.Units, calc, null, null, hash: true, parts: 1), calc);
    }

    private string Table(LedgerCalculator calc) =>
        Encoding.UTF8.GetString(LedgerReport.Build(AsOfDate, 2025, calc.Finish(), ledger.Units, LedgerLevel.Unit).Write(TableFormat.Csv));

    private static string Write(IEnumerable<string> lines) => LedgerFixtures.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), "还款计划.csv");

    private static string QuoteName(string line)
    {
        var c = line.Split(',');
        c[3] = $"\"{c[3][..1]}\n{c[3][1..]}\"";
        return string.Join(',', c);
    }

    private static string Respell(string line)
    {
        var c = line.Split(',');
        c[4] = c[4].Replace('-', '/');
        c[5] = $" {c[5]} ";
        c[7] = $"\"{c[7]}\"";
        if (c[9].Length > 0) c[9] = c[9].Replace("-", "", StringComparison.Ordinal);
        return string.Join(',', c);
    }

    private static string SwapIdAndName(string line)
    {
        var c = line.Split(',');
        (c[2], c[3]) = (c[3], c[2]);
        return string.Join(',', c);
    }
}
