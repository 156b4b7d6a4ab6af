using Kaohe.Domain.Collection;

namespace Kaohe.Features.Collection;

/// <summary>
/// What makes a contact record acceptable, by field, for the form, the API and the call-list import alike. The field
/// names are the form's labels and the call list's columns.
/// </summary>
internal static class ContactRules
{
    public const string Time = "联系时间", Channel = "联系方式", Party = "联系对象", Result = "联系结果", Promise = "承诺还款",
        PromisedAmount = "承诺金额", PromisedDate = "承诺还款日期", Notes = "备注", NextAction = "下一步工作", NextActionDate = "下一步日期",
        Corrects = "更正记录", Evidence = "佐证材料";

    /// <summary>Every rule that needs nothing but the input and the Beijing time now; (field, message) per breach.</summary>
    public static List<(string Field, string Message)> Check(ContactInput input, DateTime beijingNow)
    {
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(input.Channel)) errors.Add((Channel, CollectionTexts.UnknownValue));
        if (!Enum.IsDefined(input.Party)) errors.Add((Party, CollectionTexts.UnknownValue));
        if (!Enum.IsDefined(input.Result)) errors.Add((Result, CollectionTexts.UnknownValue));
        if (input.ContactedAt > beijingNow.AddMinutes(1)) errors.Add((Time, CollectionTexts.InFuture));
        if (input.ContactedAt.Year < 2007) errors.Add((Time, CollectionTexts.TooEarly));
        var day = DateOnly.FromDateTime(input.ContactedAt);
        if (input.Result == ContactResult.Promised)
        {
            if (input.PromisedFen is null || input.PromisedOn is null) errors.Add((Promise, CollectionTexts.PromiseMissing));
            if (input.PromisedFen is <= 0) errors.Add((PromisedAmount, CollectionTexts.PromiseAmount));
            if (input.PromisedOn is { } p && p < day) errors.Add((PromisedDate, CollectionTexts.PromiseDate));
        }
        else if (input.PromisedFen is not null || input.PromisedOn is not null) errors.Add((Promise, CollectionTexts.PromiseNeedsResult));
        if (input.NextActionOn is { } n && n < day) errors.Add((NextActionDate, CollectionTexts.NextActionDate));
        if (input.Notes?.Length > 2000) errors.Add((Notes, CollectionTexts.NotesTooLong));
        if (input.NextAction?.Length > 200) errors.Add((NextAction, CollectionTexts.NextActionTooLong));
        return errors;
    }

    /// <summary>A record as stored: Beijing time to UTC (whole seconds), blanks to null, hashed.</summary>
    public static ContactRecord ToRecord(CollectionCase c, ContactInput input, string recordedBy, DateTime recordedAtUtc, string? evidenceSha256 = null)
    {
        var at = Common.Time.BeijingClock.ToUtc(input.ContactedAt);
        var record = new ContactRecord
        {
            CaseId = c.Id, UnitId = c.UnitId,
            ContactedAtUtc = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc),
            Channel = input.Channel, Party = input.Party, Result = input.Result,
            Notes = Blank(input.Notes), NextAction = Blank(input.NextAction), NextActionOn = input.NextActionOn,
            PromisedFen = input.PromisedFen, PromisedOn = input.PromisedOn, CorrectsId = input.CorrectsId,
            RecordedBy = recordedBy, RecordedAtUtc = new DateTime(recordedAtUtc.Ticks - recordedAtUtc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc),
            EvidenceSha256 = evidenceSha256, Hash = "",
        };
        record.Hash = record.ComputeHash();
        return record;
    }

    /// <summary>The records that count: every one that no later record corrects (a correction counts in its place).</summary>
    public static IEnumerable<T> Uncorrected<T>(IReadOnlyCollection<T> records, Func<T, int> id, Func<T, int?> corrects)
    {
        var corrected = records.Select(corrects).OfType<int>().ToHashSet();
        return records.Where(r => !corrected.Contains(id(r)));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
