using System.Globalization;

namespace Marketplace.Domain;

/// <summary>
/// Western Indonesia Time (Asia/Jakarta), in which shoppers, sellers and admins read and enter instants; stored instants
/// are UTC. The one WIB helper, in C# and SQL forms side by side: nothing else computes WIB. A fixed UTC+7: Jakarta has
/// kept no daylight saving since 1964, and a fixed offset needs no time-zone data on the host.
/// </summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static string Format(DateTimeOffset at) => at.ToOffset(Offset).ToString("g", CultureInfo.CurrentCulture) + " WIB";

    /// <summary>The first and last years a date or time typed into any form may fall in; outside, it is refused with a message.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    /// <summary>
    /// Reads what an admin typed into a <c>datetime-local</c> field as a WIB wall-clock time; a time outside
    /// <see cref="FirstYear"/>-<see cref="LastYear"/> reads as nothing (year 1 minus seven hours is not an instant at all).
    /// </summary>
    public static bool TryParseInput(string? value, out DateTimeOffset at)
    {
        at = default;
        if (!DateTime.TryParseExact(value, [InputFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !InRange(DateOnly.FromDateTime(local)))
        {
            return false;
        }

        at = new DateTimeOffset(local, Offset).ToUniversalTime();
        return true;
    }

    public static bool InRange(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>The WIB calendar day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The instant a WIB calendar day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The SQL form of <see cref="DayOf"/> for an instant expression, whatever the session's time zone.</summary>
    public static string DaySql(string instant) => $"(({instant} AT TIME ZONE 'UTC') + make_interval(hours => {(int)Offset.TotalHours}))::date";

    /// <summary>The SQL form of <see cref="StartOf"/> for a date expression.</summary>
    public static string StartSql(string day) => $"(({day})::timestamp - make_interval(hours => {(int)Offset.TotalHours})) AT TIME ZONE 'UTC'";
}
