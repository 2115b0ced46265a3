using Marketplace.Domain.Enforcement;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>The enforcement settings (section <c>Enforcement</c>); see the README's configuration table.</summary>
public sealed class EnforcementOptions
{
    public const string Section = "Enforcement";

    public int StrikeExpiryDays { get; set; } = 90;

    public int StrikesToSuspend { get; set; } = 5;

    /// <summary>Working days (Monday to Friday, WIB) an admin has to answer an appeal.</summary>
    public int AppealWorkingDays { get; set; } = 3;

    /// <summary>Hours a regulator gives to take listings down, the default deadline of a takedown request.</summary>
    public int TakedownDeadlineHours { get; set; } = 24;

    /// <summary>
    /// Minutes after a WIB day ends before the compliance rollup counts it as closed: longer than any transaction that
    /// writes decisions, whose instants are taken before they commit.
    /// </summary>
    public int ComplianceRollupGraceMinutes { get; set; } = 60;

    public StrikeRules Strikes => new(TimeSpan.FromDays(StrikeExpiryDays), StrikesToSuspend);
}
