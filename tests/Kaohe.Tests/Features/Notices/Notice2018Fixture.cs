using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Features.Notices;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Notices;

/// <summary>A SQLite database with the 2018 results imported through `results import` and the notice's narrative filled in.</summary>
public sealed class Notice2018Fixture : IAsyncLifetime
{
    private TestDatabase? _db;

    public TestDatabase Db => _db!;
    public NoticeDocument Notice { get; private set; } = null!;
    public ResultsImportResult Import { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await NoticeReference.RegistryOnlyAsync(DatabaseProvider.Sqlite);
        Import = await Db.Run<ImportResults, ResultsImportResult>(h => h.HandleAsync(2018, Files.Table(NoticeReference.Results2018Csv()), UserScope.System));
        var fields = await Db.Run<DraftNotice, NoticeFields>(h => h.HandleAsync(2018));
        await Db.Run<EditNotice, NoticeFields>(h => h.HandleAsync(2018, fields with { DocumentNumber = "教资助函〔2019〕192号", IssueDate = new DateOnly(2019, 5, 20) }, UserScope.System));
        Notice = await Db.Run<ComposeNotice, NoticeDocument>(h => h.HandleAsync(2018));
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}
