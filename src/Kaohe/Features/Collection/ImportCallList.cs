using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Collection;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

public sealed record CallListImportResult(string FileName, int Records, int RowsLeftEmpty);

/// <summary>
/// A filled-in call list (<see cref="ExportCallList"/>) back: each filled row becomes a contact record. A row whose
/// result block is left empty is skipped (that borrower was not called). Any bad row rejects the whole file with row,
/// column and reason (<see cref="ImportRejectedException"/>); nothing is written.
/// </summary>
public sealed class ImportCallList(KaoheDbContext db)
{
    public const int MaxRows = 50_000;

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm", "yyyy/M/d H:mm", "yyyy/M/d HH:mm", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"];

    public async Task<CallListImportResult> HandleAsync(Stream file, string fileName, UserScope scope, CancellationToken ct = default)
    {
        var table = TabularFile.Read(file, fileName);
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(table.Headers,
            [new ColumnSpec(CallListFormat.CaseColumn, true), .. CallListFormat.Block.Select(b => new ColumnSpec(b, CallListFormat.IsRequired(b), CallListFormat.AliasesOf(b)))], errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        if (table.Rows.Count > MaxRows) throw new ImportRejectedException([new ImportError(0, null, CollectionTexts.CallListTooLong(MaxRows, table.Rows.Count))]);

        var cases = await (await db.CasesVisibleToAsync(scope, ct)).ToDictionaryAsync(c => c.Id, ct);
        var clock = new BeijingClock(db.Clock);
        var now = clock.Now.DateTime;
        var inputs = new List<(CollectionCase Case, ContactInput Input)>();
        var seen = new Dictionary<(int, DateTime, ContactResult), int>();
        var empty = 0;
        foreach (var row in table.Rows)
        {
            if (CallListFormat.Block.All(b => map.Get(row, b).Length == 0)) { empty++; continue; }
            var before = errors.Count;
            void Error(string column, string message) => errors.Add(new ImportError(row.Number, column, message));
            if (ReadRow(map, row, cases, scope, Error) is not var (c, input)) continue;
            foreach (var (field, message) in ContactRules.Check(input, now)) Error(CallListFormat.ColumnOf(field), message);
            if (seen.TryGetValue((c.Id, input.ContactedAt, input.Result), out var first)) Error(ContactRules.Time, CollectionTexts.CallListDuplicate(first));
            else seen[(c.Id, input.ContactedAt, input.Result)] = row.Number;
            if (errors.Count == before) inputs.Add((c, input));
        }
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        if (inputs.Count == 0) throw new ImportRejectedException([new ImportError(0, null, CollectionTexts.CallListEmpty)]);

        var recordedAt = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContactRecords.AddRange(inputs.Select(i => ContactRules.ToRecord(i.Case, i.Input, scope.UserName, recordedAt)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CallListImportResult(Path.GetFileName(fileName), inputs.Count, empty);
    }

    /// <summary>The case and the contact of one filled row, or null with its errors reported (every column's, not just the first).</summary>
    private static (CollectionCase Case, ContactInput Input)? ReadRow(ColumnMap map, TabularRow row, Dictionary<int, CollectionCase> cases, UserScope scope, Action<string, string> error)
    {
        var failed = false;
        void Error(string column, string message) { failed = true; error(column, message); }
        CollectionCase? c = null;
        var caseText = map.Get(row, CallListFormat.CaseColumn);
        if (!int.TryParse(caseText, NumberStyles.None, CultureInfo.InvariantCulture, out var caseId) || !cases.TryGetValue(caseId, out c))
            Error(CallListFormat.CaseColumn, CollectionTexts.CallListUnknownCase(caseText));
        else if (!scope.MayRecordContacts(c.UnitId)) Error(CallListFormat.CaseColumn, CollectionTexts.RecordForbidden);
        var at = ParseTime(map.Get(row, ContactRules.Time));
        if (at is null) Error(ContactRules.Time, CollectionTexts.CallListTimeFormat);
        var channel = Parse<ContactChannel>(map.Get(row, ContactRules.Channel), ContactRules.Channel, Error);
        var party = Parse<ContactParty>(map.Get(row, ContactRules.Party), ContactRules.Party, Error);
        var result = Parse<ContactResult>(map.Get(row, ContactRules.Result), ContactRules.Result, Error);
        var amountText = map.Get(row, CallListFormat.AmountColumn);
        long? promised = amountText.Length == 0 ? null : Yuan.ParseFen(amountText) is var fen and >= 0 ? fen : null;
        if (amountText.Length > 0 && promised is null) Error(CallListFormat.AmountColumn, CollectionTexts.CallListAmountFormat);
        var promisedOn = ParseDate(map.Get(row, ContactRules.PromisedDate), ContactRules.PromisedDate, Error);
        var nextOn = ParseDate(map.Get(row, ContactRules.NextActionDate), ContactRules.NextActionDate, Error);
        if (failed || c is null || at is null) return null;
        return (c, new ContactInput(at.Value, channel!.Value, party!.Value, result!.Value, Nullable(map.Get(row, ContactRules.Notes)),
            Nullable(map.Get(row, ContactRules.NextAction)), nextOn, promised, promisedOn));
    }

    private static T? Parse<T>(string text, string column, Action<string, string> error) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (CollectionTexts.Name(v) == text) return v;
        error(column, text.Length == 0 ? CollectionTexts.ChoiceMissing(CallListFormat.Names<T>()) : CollectionTexts.ChoiceUnknown(text, CallListFormat.Names<T>()));
        return null;
    }

    private static DateTime? ParseTime(string text) =>
        DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static DateOnly? ParseDate(string text, string column, Action<string, string> error)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        error(column, CollectionTexts.NotADate(text));
        return null;
    }

    private static string? Nullable(string text) => text.Length == 0 ? null : text;
}
