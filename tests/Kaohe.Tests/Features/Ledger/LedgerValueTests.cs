using System.Text;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;

namespace Kaohe.Tests.Features.Ledger;

public sealed class LedgerValueTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]   // the standard's example, check character X
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("410103200304280011", true)]
    [InlineData("410103200304280012", false)]
    [InlineData("41010320030428001", false)]
    [InlineData("4101032003042800A1", false)]
    public void IdNumber_CheckDigit_IsIso7064Mod11_2(string id, bool valid) => Assert.Equal(valid, IdNumber.IsValid(id));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1234", 123_400)]
    [InlineData("1234.5", 123_450)]
    [InlineData("1,234.56", 123_456)]
    [InlineData("0.05", 5)]
    [InlineData(".5", 50)]
    [InlineData("8000.00", 800_000)]
    [InlineData("1.234", -1)]
    [InlineData("-1", -1)]
    [InlineData("1e3", -1)]
    [InlineData("", -1)]
    [InlineData(".", -1)]
    public void Yuan_ParsesExactlyToFen(string text, long fen) => Assert.Equal(fen, Yuan.ParseFen(text));

    [Fact]
    public void Yuan_AnAmountInALine_ParsesAsTheAmountAlone_WhateverSurroundsIt()
    {
        // Amounts the bank writes, near misses of its form, and the bytes before them, which the word read must not use.
        string[] amounts = ["318.50", "0.00", "1.05", "99999.99", "100000.00", "12345.6", "1,234.56", "1.2.34", ".50", "12.", "-1.00",
            "1 23.45", "12a45.00", "00318.50", "", "7", "318.5x", "3:8.50"];
        var random = new Random(20261202);
        const string Alphabet = "0123456789.,- /:a";
        for (var i = 0; i < 20_000; i++)
        {
            var amount = i < amounts.Length * 8 ? amounts[i % amounts.Length]
                : new string([.. Enumerable.Range(0, random.Next(0, 11)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var before = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var line = Encoding.ASCII.GetBytes(before + amount + ",2019-12-20");
            Assert.Equal(Yuan.ParseFen(amount), Yuan.ParseFen(line, before.Length, before.Length + amount.Length));
        }
    }

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(5, "0.05")]
    [InlineData(123_456, "1234.56")]
    public void Yuan_FormatsFenWithTwoDecimals(long fen, string text) => Assert.Equal(text, Yuan.Format(fen));

    [Theory]
    [InlineData("2019-12-20", 2019, 12, 20)]
    [InlineData("2019/2/3", 2019, 2, 3)]
    [InlineData("20191220", 2019, 12, 20)]
    [InlineData("2019-12-20 00:00:00", 2019, 12, 20)]
    public void LedgerDate_AcceptsTheExportsFormats(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d).DayNumber, LedgerDate.ParseDayNumber(text));

    [Fact]
    public void LedgerDate_EveryDayItAccepts_ParsesAsTheCalendarSays()
    {
        for (var n = new DateOnly(1900, 1, 1).DayNumber; n <= new DateOnly(2200, 12, 31).DayNumber; n++)
        {
            var day = DateOnly.FromDayNumber(n);
            var text = Encoding.ASCII.GetBytes(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(day.DayNumber, LedgerDate.ParseDayNumber(text));
        }
    }

    [Fact]
    public void LedgerDate_TheBanksForm_IsReadAsTheCalendarReadsIt_OnRandomText()
    {
        var random = new Random(20261202);
        const string Alphabet = "00112233445566778899 a/.:;?@";
        for (var i = 0; i < 50_000; i++)
        {
            var chars = Enumerable.Range(0, 10).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray();
            (chars[4], chars[7]) = ('-', '-');
            var text = new string(chars);
            var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d) && d.Year is >= 1900 and <= 2200 ? d.DayNumber : -1;
            Assert.Equal(expected, LedgerDate.ParseDayNumber(Encoding.ASCII.GetBytes(text)));
        }
    }

    [Fact]
    public void LedgerDate_ADateInALine_ParsesAsTheDateAlone_WhateverSurroundsIt()
    {
        // Dates of every form and near-forms, with other separators at the dashes' places, between other fields.
        var random = new Random(20261203);
        string[] dates = ["2019-12-20", "2019/12/20", "2019.12.20", "2019x12x20", "2019-12/20", "2019-1-20", "20191220", "2019-02-30", "2020-02-29", "", "2019-12-20 00:00:00"];
        for (var i = 0; i < 2_000; i++)
        {
            var date = dates[random.Next(dates.Length)];
            if (date.Length == 10 && random.Next(2) == 0) date = date[..random.Next(10)] + (char)random.Next('-', ':') + date[(date.Length - 9 + random.Next(9))..];
            var before = new string('9', random.Next(12)) + ",";
            var line = Encoding.ASCII.GetBytes(before + date + "," + new string('1', random.Next(20)));
            var (start, end) = (before.Length, before.Length + date.Length);
            Assert.Equal(LedgerDate.ParseDayNumber(line.AsSpan(start, end - start)), LedgerDate.ParseDayNumber(line, start, end));
        }
    }

    [Fact]
    public void Payments_Split_FindsTheSixFieldsOfATail_AsAFieldByFieldScanDoes()
    {
        // Tails short and long (the 64-byte path and the block loop), with 4 to 7 commas, quotes, CR LF, and text after the line.
        var random = new Random(20261204);
        const string Alphabet = "0123456789.-,,,\"\r";
        for (var i = 0; i < 20_000; i++)
        {
            var tail = new string([.. Enumerable.Range(0, random.Next(0, 120)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            if (random.Next(3) > 0) tail = "2019-12-20,590.90,318.50," + (random.Next(2) == 0 ? "590.90,318.50,2019-12-19" : ",,") + new string('9', random.Next(60));
            var bytes = Encoding.ASCII.GetBytes(tail + (random.Next(4) == 0 ? "" : random.Next(2) == 0 ? "\n" : "\r\n") + "4101,x,\"y\",z\n" + new string('7', random.Next(80)));
            Payments.Ends ends = default;
            var found = Payments.Split(bytes, ref ends, out var length);
            var expected = ScanTail(bytes);
            Assert.Equal(expected is not null, found);
            if (expected is null) continue;
            Assert.Equal(expected.Value.Ends, Enumerable.Range(0, Payments.Fields).Select(f => ends[f]).ToArray());
            Assert.Equal(expected.Value.Length, length);
        }
    }

    /// <summary>The tail's field ends and length, byte by byte; null unless it has six fields, no quote and a line break.</summary>
    private static (int[] Ends, int Length)? ScanTail(byte[] bytes)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0 || bytes.AsSpan(0, newline).Contains((byte)'"')) return null;
        var commas = Enumerable.Range(0, newline).Where(i => bytes[i] == ',').ToList();
        if (commas.Count != Payments.Fields - 1) return null;
        var end = newline > 0 && bytes[newline - 1] == '\r' ? newline - 1 : newline;
        return ([.. commas, end], newline + 1);
    }

    [Fact]
    public void ContractDays_YearBit_IsTheYearsBitOnlyOnTheContractsDayOfTheYear_From2000Through2063()
    {
        var dueDay = (12 * 32) + 20;
        for (var n = new DateOnly(1990, 1, 1).DayNumber; n <= new DateOnly(2070, 12, 31).DayNumber; n++)
        {
            var day = DateOnly.FromDayNumber(n);
            var onDueDay = day.Month == 12 && day.Day == 20;
            var expected = onDueDay && day.Year is >= 2000 and <= 2063 ? 1UL << (day.Year - 2000) : 0;
            Assert.Equal(expected, ContractDays.YearBit(n, dueDay));
            Assert.Equal(day.Year is >= 2000 and <= 2063 ? 1UL << (day.Year - 2000) : 0, ContractDays.YearBit(n, ContractDays.MonthDayOf(n)));
        }
    }

    [Theory]
    [InlineData("2019-02-29")]
    [InlineData("2100-02-29")]
    [InlineData("2019-04-31")]
    [InlineData("2019-00-10")]
    [InlineData("1899-12-31")]
    [InlineData("2201-01-01")]
    [InlineData("2019-02-30")]
    [InlineData("2019-13-01")]
    [InlineData("20-12-2019")]
    [InlineData("明天")]
    public void LedgerDate_RejectsInvalidDates(string text) => Assert.Equal(-1, LedgerDate.ParseDayNumber(text));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(365, 0)]
    [InlineData(366, 1)]
    [InlineData(730, 1)]
    [InlineData(731, 2)]
    [InlineData(1095, 2)]
    [InlineData(1096, 3)]
    public void Aging_BucketsByDaysSinceOldestUnpaidDueDate(int days, int bucket) => Assert.Equal(bucket, LedgerTotals.BucketOf(days));

    [Fact]
    public void CsvByteReader_ReadsQuotedFieldsAcrossLinesAndTinyBuffers()
    {
        var text = "a,b,c\r\n1,\"x,\"\"y\"\"\",3\r\n\r\n\"multi\nline\", 2 ,\n4,5,6";
        var csv = new CsvByteReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize: 4);
        var rows = new List<(int Line, string[] Cells)>();
        while (csv.Read()) rows.Add((csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray()));
        Assert.Equal([1, 2, 4, 6], rows.Select(r => r.Line));
        Assert.Equal(["1", "x,\"y\"", "3"], rows[1].Cells);
        Assert.Equal(["multi\nline", "2", ""], rows[2].Cells);
        Assert.Equal(["4", "5", "6"], rows[3].Cells);
    }

    [Fact]
    public void ContractIndex_GrowingFromSmall_KeepsEveryKey_AndKeyZero()
    {
        var index = new ContractIndex(expected: 1);
        var keys = Enumerable.Range(0, 10_000).Select(i => System.IO.Hashing.XxHash3.HashToUInt64(BitConverter.GetBytes(i))).Append(0UL).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            index.GetOrAdd(keys[i], out var exists) = i;
            Assert.False(exists);
        }
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(i, index.GetOrAdd(keys[i], out var exists));
            Assert.True(exists);
        }
        index.GetOrAdd(12345, out var added);
        Assert.False(added);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(50_000, 2)]
    [InlineData(3_000, 3)]
    public void KeySort_SortsTheKeys_EachWithItsItem_AsArraySortDoes(int count, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, count).Select(_ => seed switch
        {
            2 => (ulong)random.NextInt64(),            // hashes: every byte differs
            3 => 410_100_000_000UL + (ulong)random.Next(500), // ID-like numbers: the high bytes shared, many repeated
            _ => 7UL,
        }).ToArray();
        var original = keys.ToArray();
        var items = Enumerable.Range(0, count).ToArray();
        KeySort.Sort(keys, items, count);
        Assert.Equal(original.Order(), keys);
        Assert.Equal(Enumerable.Range(0, count), items.Order());               // each item once
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(original[items[i]], keys[i])); // beside its own key
    }

    [Fact]
    public void BorrowerStates_CompactedWhenFullAndJoined_SumEachBorrowerOfEachUnitOnce()
    {
        // 30,000 states of 3,000 borrowers, some in two units, into lists made for 1: compacted many times, then joined.
        var random = new Random(5);
        var states = Enumerable.Range(0, 30_000).Select(_ =>
        {
            var borrower = 410_100_199_001_010_000L + random.Next(3000);
            return (Unit: borrower % 7 == 0 ? random.Next(2) : 1, Borrower: borrower, Overdue: (long)random.Next(100_000), Oldest: random.Next(700_000, 740_000));
        }).ToList();
        var (first, second) = (new BorrowerStates(1), new BorrowerStates(1));
        foreach (var (x, i) in states.Select((x, i) => (x, i))) (i % 3 == 0 ? first : second).Add(x.Unit, x.Borrower, x.Overdue, x.Oldest);
        first.Join(second);
        var expected = states.GroupBy(x => (x.Unit, x.Borrower))
            .Select(g => (g.Key.Unit, Overdue: g.Sum(x => x.Overdue), Oldest: g.Min(x => x.Oldest))).Order().ToList();
        Assert.True(expected.Count > 3000); // some borrowers in two units
        Assert.Equal(expected, first.Distinct().ToArray().Select(b => (b.Unit, b.Overdue, b.OldestUnpaid)).Order());
    }

    [Fact]
    public void StoredSnapshots_AreSharedOutByRows_LargestFirstToTheLightestShare()
    {
        StoredSnapshot[] snapshots = [new(1, 100), new(2, 60), new(3, 50), new(4, 40), new(5, 5)];
        var shares = InstalmentRowsReader.Share(snapshots, 2);
        Assert.Equal([[1, 4], [2, 3, 5]], shares);          // 140 rows and 115 rows
        Assert.Single(InstalmentRowsReader.Share(snapshots[..1], 4)); // never more shares than snapshots
    }

    [Fact]
    public void CsvByteReader_WithALimit_ReadsTheRecordsStartingBeforeIt()
    {
        var bytes = Encoding.UTF8.GetBytes("a,1\nb,\"2\n2\"\nc,3\n\nd,4");
        var cut = Array.IndexOf(bytes, (byte)'c');
        var head = new CsvByteReader(new MemoryStream(bytes), Encoding.UTF8, limit: cut, buffer: new byte[4]);
        var tail = new CsvByteReader(new MemoryStream(bytes[cut..]), Encoding.UTF8, limit: long.MaxValue, buffer: new byte[4]);
        var first = new List<string>();
        while (head.Read()) first.Add(head.GetString(1));
        var rest = new List<string>();
        while (tail.Read()) rest.Add(tail.GetString(0));
        Assert.Equal(["1", "2\n2"], first);
        Assert.Equal(cut, head.Position);
        Assert.Equal(["c", "d"], rest);
    }

    [Fact]
    public void CsvByteReader_DetectsGb18030AndDecodesChinese()
    {
        var bytes = TextEncodings.Gb18030.GetBytes("县级单位,借款人姓名\n二七区,张三丰\n");
        var csv = new CsvByteReader(new MemoryStream(bytes));
        Assert.True(csv.Read());
        Assert.True(csv.Read());
        Assert.Equal("二七区", csv.GetString(0));
        Assert.Equal("张三丰", csv.GetString(1));
    }
}
