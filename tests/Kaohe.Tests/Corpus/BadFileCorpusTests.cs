using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Kaohe.Data;
using Kaohe.Features.Assessment;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Corpus;

/// <summary>
/// Every importer against every bad file (issue 19 §4): the committed corpus in <c>Corpus/BadFiles</c>
/// (<c>scripts/make-bad-files.py</c>), each importer's own valid file with one row broken, and a zip bomb made here.
/// Each must answer 400 with problem details whose title is Chinese, name the row where a row is at fault, and leave
/// the database as it was: every table's row count and the audit chain's last hash compared before and after.
/// Run on SQLite and on PostgreSQL.
/// </summary>
public abstract partial class BadFileCorpusTests(KaoheApp app)
{
    /// <summary>One importer: who may use it, where its file goes, and a valid file of its kind to break rows of.</summary>
    public sealed record Importer(string Name, string User, Func<HttpClient, Task<string>> Url, Func<HttpClient, Task<string>> ValidCsv);

    private static readonly Importer[] Importers =
    [
        new("单位名录", "admin", _ => Task.FromResult("/api/units/import"), c => c.GetStringAsync("/api/units/export?format=csv")),
        new("历年考核结果", "admin", _ => Task.FromResult("/api/results/2016/import"),
            _ => Task.FromResult("单位,所属市,等级,得分\n新城区,平顶山市,不合格,55\n临颖县,漯河市,合格,70\n")),
        new("考核指标体系", "admin", _ => Task.FromResult("/api/schemes/import?name=" + Uri.EscapeDataString("坏文件测试")),
            async c => await c.GetStringAsync($"/api/schemes/{(await c.GetFromJsonAsync<List<SchemeIdOnly>>("/api/schemes/"))![0].Id}/export?format=csv")),
        new("还款计划", "admin", _ => Task.FromResult("/api/ledger/import"), _ => Task.FromResult(Features.Ledger.LedgerFixtures.Instalments())),
        new("合同台账", "admin", _ => Task.FromResult("/api/ledger/import"), _ => Task.FromResult(Features.Ledger.LedgerFixtures.Contracts())),
        new("催收回填", "erqi", _ => Task.FromResult("/api/collection/calls"),
            async c => FillFirstCall(await c.GetStringAsync($"/api/collection/units/{await ErqiAsync(c)}/calls?format=csv"))),
        new("评分表", "erqi", async c => $"/api/campaigns/{await Campaign2019Async(c)}/workbook/SelfCheck",
            async c => await c.GetStringAsync($"/api/campaigns/{await Campaign2019Async(c)}/workbook/SelfCheck?format=csv")),
    ];

    public static TheoryData<string> ImporterNames => new(Importers.Select(i => i.Name));

    private sealed record SchemeIdOnly(int Id);

    private static async Task<int> ErqiAsync(HttpClient c) => Assert.Single((await c.GetFromJsonAsync<List<UnitSummary>>("/api/units?q=410103"))!).Id;

    private static async Task<int> Campaign2019Async(HttpClient c) =>
        Assert.Single((await c.GetFromJsonAsync<List<CampaignSummary>>("/api/campaigns"))!, x => x.Year == 2019).Id;

    /// <summary>The exported call list with its first case's result filled in, as an officer returns it.</summary>
    private static string FillFirstCall(string exported)
    {
        var lines = exported.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Cells(lines[0]);
        var first = Cells(lines[1]);
        foreach (var (column, value) in new[] { ("联系时间", "2026-12-01 10:00"), ("联系方式", "电话"), ("联系对象", "借款学生"), ("联系结果", "无人接听") })
            first[header.IndexOf(column)] = value;
        lines[1] = string.Join(',', first);
        return Join(lines);
    }

    /// <summary>The cells of a CSV line of an export (quoted where a cell holds a comma).</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c).ToList();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Fact]
    public void TheCorpus_HasAtLeastFiftyInputs()
    {
        var committed = Directory.GetFiles(CorpusFolder()).Count(f => !f.EndsWith(".md", StringComparison.Ordinal));
        Assert.True(committed + RowBreaks.Length + 1 >= 50, $"{committed} committed files");
    }

    [Theory]
    [MemberData(nameof(ImporterNames))]
    public async Task EveryBadFile_IsRefusedInChinese_AndWritesNothing(string importerName)
    {
        var importer = Importers.Single(i => i.Name == importerName);
        var client = await app.SignedInAsync(importer.User);
        var url = await importer.Url(client);
        var valid = (await importer.ValidCsv(client)).TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var failures = new List<string>();

        var inputs = Directory.GetFiles(CorpusFolder()).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => new BadInput(Path.GetFileName(f), File.ReadAllBytes(f), Row: null))
            .Concat(RowBreaks.Select(b => b.Apply(importerName, valid)).OfType<BadInput>())
            .Append(new BadInput("zip-bomb.xlsx", ZipBomb(), Row: null));
        foreach (var input in inputs)
        {
            var before = State();
            using var body = new ByteArrayContent(input.Bytes);
            body.Headers.ContentType = new MediaTypeHeaderValue(input.Name.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
            var name = importerName is "还款计划" or "合同台账" ? importerName + Path.GetExtension(input.Name) : input.Name;
            var response = await client.PostAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "fileName=" + Uri.EscapeDataString(name), body);
            var text = await response.Content.ReadAsStringAsync();
            var problem = text.Length > 300 ? text[..300] + "…" : text;
            if (response.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"{input.Name}: {(int)response.StatusCode} {problem}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !Chinese().IsMatch(text))
                failures.Add($"{input.Name}: 400 without a Chinese problem: {problem}");
            else if (input.Row is { } row && !text.Contains($"第 {row} 行", StringComparison.Ordinal) && !text.Contains($"第{row}行", StringComparison.Ordinal))
                failures.Add($"{input.Name}: the message does not name row {row}: {problem}");
            if (State() != before) failures.Add($"{input.Name}: the database changed");
        }
        Assert.True(failures.Count == 0, $"{importerName}：{failures.Count} 个坏文件未被正确拒绝：\n" + string.Join("\n", failures));
    }

    /// <summary>A bad input; <paramref name="Row"/> is the row (as Excel numbers it) the message must name, when one is at fault.</summary>
    private sealed record BadInput(string Name, byte[] Bytes, int? Row);

    /// <summary>One way to break an importer's valid file; null where it does not apply to that importer.</summary>
    private sealed record RowBreak(string Name, Func<string, string[], (string Text, int? Row)?> Break, Func<string, bool>? Only = null)
    {
        public BadInput? Apply(string importer, string valid)
        {
            if (Only is { } only && !only(importer)) return null;
            var lines = valid.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return Break(importer, lines) is { } broken ? new BadInput($"{Name}.csv", Encoding.UTF8.GetBytes(broken.Text), broken.Row) : null;
        }
    }

    private static string Join(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

    private static string Cell(string line, int column, string value)
    {
        var cells = Cells(line);
        cells[column] = value;
        return string.Join(',', cells);
    }

    /// <summary>The column that identifies a row: a bad value there cannot be read as "nothing to change".</summary>
    private static int KeyColumn(string importer) => importer == "单位名录" ? 1 : 0;

    private static bool IsLedger(string importer) => importer is "还款计划";

    private static readonly RowBreak[] RowBreaks =
    [
        new("header-only", (_, l) => (l[0] + "\n", null)),
        new("header-only-crlf-bom", (_, l) => ("\uFEFF" + l[0] + "\r\n", null)),
        new("first-row-cell-100k-chars", (i, l) => (Join([l[0], Cell(l[1], KeyColumn(i), new string('长', 100_000)), .. l[2..]]), 2)),
        new("first-row-nul-in-cell", (i, l) => (Join([l[0], Cell(l[1], KeyColumn(i), "二\0七区"), .. l[2..]]), 2)),
        new("first-row-formula-as-key", (i, l) => (Join([l[0], Cell(l[1], KeyColumn(i), "=HYPERLINK(\"http://evil.example\")"), .. l[2..]]), 2)),
        // Cut after its first cell: the required cells are gone. (A call list's rows are all optional but the case number: a short row there is a case left empty.)
        new("last-row-truncated", (_, l) => (Join([.. l[..^1], l[^1][..Math.Max(1, l[^1].IndexOf(',', StringComparison.Ordinal))]]), l.Length), i => i != "催收回填"),
        new("row-with-1000-extra-cells", (_, l) => (Join([l[0], l[1] + new string(',', 1000) + "x", .. l[2..]]), 2)),
        new("due-date-2018-02-30", (_, l) => (Join([l[0], Cell(l[1], 4, "2018-02-30"), .. l[2..]]), 2), IsLedger),
        new("negative-amount", (_, l) => (Join([l[0], Cell(l[1], 5, "-900.00"), .. l[2..]]), 2), IsLedger),
        new("amount-with-3-decimals", (_, l) => (Join([l[0], Cell(l[1], 6, "100.001"), .. l[2..]]), 2), IsLedger),
        new("paid-without-date", (_, l) => (Join([l[0], Cell(l[1], 9, ""), .. l[2..]]), 2), IsLedger),
        new("bad-id-check-digit", (_, l) => (Join([l[0], Cell(l[1], 2, Cells(l[1])[2][..17] + (Cells(l[1])[2][17] == '0' ? "1" : "0")), .. l[2..]]), 2), IsLedger),
        new("unknown-unit", (_, l) => (Join([l[0], Cell(l[1], 0, "不存在县"), .. l[2..]]), 2), IsLedger),
    ];

    /// <summary>An XLSX whose one sheet inflates to 1 GB of zeros from about a megabyte.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            using (var workbook = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
                workbook.Write("""<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            using (var rels = new StreamWriter(zip.CreateEntry("xl/_rels/workbook.xml.rels").Open()))
                rels.Write("""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""u8);
            var zeros = new byte[1 << 20];
            Array.Fill(zeros, (byte)'0');
            for (var i = 0; i < 1024; i++) sheet.Write(zeros);
            sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }
        return buffer.ToArray();
    }

    private static string CorpusFolder() => Path.Combine(AppContext.BaseDirectory, "Corpus", "BadFiles");

    /// <summary>Every table's row count and the audit chain's last hash.</summary>
    private string State()
    {
        using var connection = app.Target.CreateConnection();
        connection.Open();
        var sqlite = app.Provider == DatabaseProvider.Sqlite;
        var tables = Column(connection, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
        var state = new StringBuilder();
        foreach (var table in tables) state.Append(table).Append('=').Append(Column(connection, $"SELECT COUNT(*) FROM \"{table}\"")[0]).Append(';');
        return state.Append("head=").Append(Column(connection, "SELECT \"Hash\" FROM \"AuditEntries\" ORDER BY \"Id\" DESC LIMIT 1")[0]).ToString();
    }

    private static List<string> Column(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values;
    }
}

public sealed class SqliteBadFileCorpusTests(KaoheApp app) : BadFileCorpusTests(app), IClassFixture<KaoheApp>;

public sealed class PostgresBadFileCorpusTests(PostgresBadFileCorpusTests.App app) : BadFileCorpusTests(app.Web), IClassFixture<PostgresBadFileCorpusTests.App>
{
    /// <summary>The web app on a PostgreSQL database of the test server (skipped without one).</summary>
    public sealed class App : IDisposable
    {
        public KaoheApp Web { get; } = new() { Provider = DatabaseProvider.Postgres };

        public void Dispose() => Web.Dispose();
    }
}
