using System.Collections.Concurrent;
using System.Text;
using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using MiniExcelLibs;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>A generated 还款计划 of 140,000 rows (two units, 14 MB) and its 合同台账, shared by the cancellation tests of reading them.</summary>
public sealed class CancellableLedgerFixture : IAsyncLifetime
{
    private TestDatabase? _db;

    public UnitResolver Units { get; private set; } = null!;
    public GeneratedLedger Files { get; private set; } = null!;

    /// <summary>The bytes after the header line: what a read in parts reports at its end.</summary>
    public long DataBytes { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Units = await UnitResolver.LoadAsync(_db.Target, default);
        var units = (await _db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Skip(20).Take(2).ToList();
        Files = LedgerGenerator.Generate(TestFolders.Create("kaohe-cancel-read-"), 140_000, 3, units, new DateOnly(2025, 12, 31));
        var bytes = File.ReadAllBytes(Files.InstalmentsPath);
        DataBytes = bytes.Length - (Array.IndexOf(bytes, (byte)'\n') + 1);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}

/// <summary>
/// Reading a ledger file to check it takes seconds for a province: a cancelled read stops at its next progress point
/// (every 65,536 rows, or a chunk's end when read in parts) with <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class LedgerFileCancellationTests(CancellableLedgerFixture ledger) : IClassFixture<CancellableLedgerFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Csv_CancelledAtItsFirstProgressReport_StopsBeforeTheEndOfTheFile(int parts)
    {
        using var cancel = new CancellationTokenSource();
        var reports = new ConcurrentQueue<long>();
        void Progress(long bytes)
        {
            reports.Enqueue(bytes);
            cancel.Cancel();
        }

        // In two parts of 70,000 rows the first report comes at 65,536 rows of one part, which then stops: that part is never finished.
        Assert.Throws<OperationCanceledException>(() =>
            InstalmentFile.Read(ledger.Files.InstalmentsPath, ledger.Units, null, null, Progress, hash: true, parts, cancel.Token));
        Assert.True(reports.Max() < ledger.DataBytes, $"read {reports.Max()} of {ledger.DataBytes} bytes");
        if (parts == 1) Assert.Single(reports);
    }

    [Fact]
    public void Xlsx_CancelledAtItsFirstRow_StopsWithinAFewThousandRows()
    {
        var lines = File.ReadLines(ledger.Files.InstalmentsPath).Take(10_001).Select(l => l.Split(',')).ToList();
        var path = Path.Combine(TestFolders.Create("kaohe-cancel-xlsx-"), "还款计划.xlsx");
        MiniExcel.SaveAs(path, lines.Skip(1).Select(r => lines[0].Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => (object)x.Item2)));
        using var cancel = new CancellationTokenSource();
        var sink = new CancellingSink(cancel);

        Assert.Throws<OperationCanceledException>(() => InstalmentFile.Read(path, ledger.Units, sink, ct: cancel.Token));
        Assert.InRange(sink.Rows, 1, 4_096);
    }

    [Fact]
    public void Contracts_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => ContractFile.Read(ledger.Files.ContractsPath, ledger.Units, null, cancel.Token));
    }

    /// <summary>Cancels at the first row it is given and counts the rows it was given.</summary>
    private sealed class CancellingSink(CancellationTokenSource cancel) : IInstalmentSink
    {
        public int Rows { get; private set; }

        public void Accept(in InstalmentRow row, ReadOnlySpan<byte> contractNumber, ReadOnlySpan<byte> borrowerName, Encoding encoding)
        {
            Rows++;
            cancel.Cancel();
        }
    }
}
