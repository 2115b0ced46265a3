namespace Marketplace.Domain.Enforcement;

/// <summary>Working days (Monday to Friday) counted on a local calendar, such as WIB's.</summary>
public static class WorkingDays
{
    /// <summary>
    /// The instant that lies <paramref name="days"/> working days after <paramref name="from"/>, on the calendar of
    /// <paramref name="offset"/>: the same wall-clock time, skipping Saturdays and Sundays. Something that arrives at the
    /// weekend counts from the start of Monday.
    /// </summary>
    public static DateTimeOffset Add(DateTimeOffset from, int days, TimeSpan offset)
    {
        if (days < 0)
        {
            throw new DomainException("working_days.negative", "Working days are counted forward.");
        }

        var local = from.ToOffset(offset);
        while (IsWeekend(local.DayOfWeek))
        {
            local = new DateTimeOffset(local.Date.AddDays(1), offset);
        }

        for (var added = 0; added < days;)
        {
            local = local.AddDays(1);
            if (!IsWeekend(local.DayOfWeek))
            {
                added++;
            }
        }

        return local.ToUniversalTime();
    }

    private static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
