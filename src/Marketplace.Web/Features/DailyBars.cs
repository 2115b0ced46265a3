namespace Marketplace.Web.Features;

/// <summary>One day's bar: its value, and the text a pointer over it shows.</summary>
public sealed record DailyBar(DateOnly Day, long Value, string Label);

/// <summary>A server-rendered SVG bar chart of days (Pages/Shared/_DailyBars): the seller's revenue, the compliance page's counts.</summary>
public sealed record DailyBars(string Id, string Title, IReadOnlyList<DailyBar> Bars, string Fill = "#0d6efd");
