using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kaohe.Data;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>An upload refused whole, not for its rows, is said in one message on the page and in the API.</summary>
public sealed class LedgerUploadHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private async Task<int> SnapshotsAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<KaoheDbContext>().LedgerSnapshots.CountAsync();
    }

    [Fact]
    public async Task RowsPaidAboveTheirDue_AreImported_WithTheWarningInTheApiAnswerAndOnThePage()
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsync("/api/ledger/import?fileName=" + Uri.EscapeDataString("还款计划-罚息.csv"), new ByteArrayContent(Files.Csv(OverpaidInstalments())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"overpaid\":[{\"unitId\":", json, StringComparison.Ordinal);
        Assert.Contains("罚息及多还", json, StringComparison.Ordinal);

        var page = await admin.GetStringAsync("/Ledger/Upload");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Files.Csv(OverpaidInstalments())), "Uploads", "还款计划-罚息-2.csv" } };
        var html = await (await admin.PostAsync("/Ledger/Upload", form)).Content.ReadAsStringAsync();
        Assert.Contains("导入完成", html, StringComparison.Ordinal);
        Assert.Contains("中牟县：3 行，140.50 元", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AFileChangedBetweenTheCheckAndTheWrite_IsAConflict_NotARowError()
    {
        var admin = await app.SignedInAsync("admin");
        var name = $"还款计划-{Guid.NewGuid():N}.csv";
        var before = await SnapshotsAsync();
        HttpResponseMessage response;
        using (var change = new UploadChangedAtTheWrite(app.DatabasePath, name))
        {
            response = await admin.PostAsync($"/api/ledger/import?fileName={Uri.EscapeDataString(name)}", new ByteArrayContent(Files.Csv(Instalments())));
            Assert.True(change.Changed);
        }

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(LedgerTexts.FileChanged, problem!.Detail);
        Assert.Empty(problem.Errors); // no row or column to point at
        Assert.Equal(before, await SnapshotsAsync());
    }

    [Fact]
    public async Task Page_AFileChangedBetweenTheCheckAndTheWrite_IsOneMessage_NotARowError()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetStringAsync("/Ledger/Upload");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var name = $"还款计划-{Guid.NewGuid():N}.csv";
        var before = await SnapshotsAsync();
        string html;
        using (var change = new UploadChangedAtTheWrite(app.DatabasePath, name))
        {
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Files.Csv(Instalments())), "Uploads", name } };
            html = await (await admin.PostAsync("/Ledger/Upload", form)).Content.ReadAsStringAsync();
            Assert.True(change.Changed);
        }

        Assert.Contains($"id=\"import-refused\">{LedgerPageTexts.OfFile(name, LedgerTexts.FileChanged)}</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("处错误", html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotsAsync());
    }

    /// <summary>
    /// Changes an upload's temporary copy at the moment its import begins the write transaction: after the check has
    /// read it, before the write reads it. Entity Framework reports that moment (TransactionStarting) to diagnostic
    /// listeners on the importing thread; only the app's own database counts, other tests run beside this one.
    /// </summary>
    private sealed class UploadChangedAtTheWrite : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly string _fileName;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly Lock _lock = new();

        public UploadChangedAtTheWrite(string database, string fileName)
        {
            (_database, _fileName) = (Path.GetFullPath(database), fileName);
            lock (_lock) _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public bool Changed { get; private set; }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            lock (_lock) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (Changed || e.Key != RelationalEventId.TransactionStarting.Name || e.Value is not TransactionStartingEventData { Context: { } context }) return;
            if (context.Database.GetDbConnection() is not SqliteConnection c || Path.GetFullPath(c.DataSource) != _database) return;
            var copy = Directory.GetDirectories(Path.GetTempPath(), "kaohe-upload-*").Select(d => Path.Combine(d, _fileName)).SingleOrDefault(File.Exists);
            if (copy is null) return;
            File.WriteAllText(copy, File.ReadAllText(copy).Replace("HT-B-2", "HT-B-3", StringComparison.Ordinal));
            Changed = true;
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_lock) _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
