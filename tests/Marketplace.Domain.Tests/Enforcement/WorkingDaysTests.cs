using Marketplace.Domain.Enforcement;

namespace Marketplace.Domain.Tests.Enforcement;

public class WorkingDaysTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int day, int hour) => new(2026, 12, day, hour, 0, 0, Wib);

    [Theory]
    [InlineData(7, 10, 10, 10)] // Monday 10:00 -> Thursday 10:00
    [InlineData(9, 15, 14, 15)] // Wednesday -> Monday, over the weekend
    [InlineData(11, 23, 16, 23)] // Friday 23:00 -> Wednesday 23:00
    [InlineData(12, 9, 17, 0)] // Saturday counts from Monday 00:00 -> Thursday 00:00
    [InlineData(13, 22, 17, 0)] // Sunday likewise
    public void Three_working_days_skip_the_weekend_on_the_WIB_calendar(int day, int hour, int dueDay, int dueHour) =>
        WorkingDays.Add(At(day, hour), 3, Wib).Should().Be(At(dueDay, dueHour));

    [Fact]
    public void A_UTC_instant_is_read_on_the_WIB_calendar()
    {
        // Friday 20:00 UTC is Saturday 03:00 WIB: the weekend, so the count starts on Monday.
        var fridayEveningUtc = new DateTimeOffset(2026, 12, 11, 20, 0, 0, TimeSpan.Zero);

        WorkingDays.Add(fridayEveningUtc, 1, Wib).Should().Be(At(15, 0));
    }

    [Fact]
    public void Zero_days_is_the_instant_itself_on_a_working_day_and_negative_days_are_refused()
    {
        WorkingDays.Add(At(8, 11), 0, Wib).Should().Be(At(8, 11));
        FluentActions.Invoking(() => WorkingDays.Add(At(8, 11), -1, Wib)).Should().Throw<DomainException>();
    }
}
