using Kaohe.Common.Time;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Audit;

public sealed record AuditQuery(int? UnitId = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The province administrator's view of the trail, newest first, filtered by unit, user and date.</summary>
public sealed class ReadAuditTrail(KaoheDbContext db)
{
    public async Task<AuditPage> HandleAsync(AuditQuery q, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (q.UnitId is { } unit) query = query.Where(e => e.UnitId == unit);
        if (!string.IsNullOrWhiteSpace(q.Actor)) query = query.Where(e => e.Actor == q.Actor.Trim());
        // the dates are Beijing days, as the page shows the times
        if (q.From is { } from) query = query.Where(e => e.AtUtc >= BeijingClock.StartOfDayUtc(from));
        if (q.To is { } to) query = query.Where(e => e.AtUtc < BeijingClock.StartOfDayUtc(to.AddDays(1)));
        var size = Math.Clamp(q.PageSize, 10, 500);
        var page = Math.Max(1, q.Page);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new AuditPage(entries, total, page, size);
    }
}
