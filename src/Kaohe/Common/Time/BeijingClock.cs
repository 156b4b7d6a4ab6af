using System.Globalization;

namespace Kaohe.Common.Time;

/// <summary>
/// Kaohe's one clock. Every deadline, stage window, grace day and "as of" date is a Beijing calendar date
/// (the notice's dates are Beijing dates: a county working at 07:30 on 03-11 Beijing time is on 03-11, though the
/// server's UTC date is still 03-10), and every instant shown to a person is Beijing time. Instants are stored in UTC.
/// Nothing else in Kaohe reads the system clock or the server's time zone (a test greps for it).
/// </summary>
public sealed class BeijingClock(TimeProvider time)
{
    /// <summary>Asia/Shanghai from the time-zone database (China has kept UTC+8 without daylight saving since 1991).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The instant now, in UTC, for storing (<c>…AtUtc</c> columns are <see cref="DateTimeKind.Utc"/>).</summary>
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>The instant now, with Beijing's offset.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    /// <summary>Today's date in Beijing: the date every deadline is judged on.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The Beijing date of a stored UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToBeijing(utc).DateTime);

    /// <summary>A stored UTC instant in Beijing time.</summary>
    public static DateTimeOffset ToBeijing(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>The UTC instant of a Beijing wall-clock time (a form's 联系时间, a deadline's end).</summary>
    public static DateTime ToUtc(DateTime beijingWallClock) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(beijingWallClock, DateTimeKind.Unspecified), Zone);

    /// <summary>The first UTC instant of a Beijing date, for "since that day" queries over stored instants.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>A stored instant as people read it: <c>2019-03-11 07:30</c> (Beijing time).</summary>
    public static string Format(DateTime utc, string pattern = "yyyy-MM-dd HH:mm") =>
        ToBeijing(utc).ToString(pattern, CultureInfo.InvariantCulture);

    /// <summary>A nullable stored instant; empty text for none.</summary>
    public static string Format(DateTime? utc, string pattern = "yyyy-MM-dd HH:mm") => utc is { } u ? Format(u, pattern) : "";
}
