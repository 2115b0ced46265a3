namespace Marketplace.Web.Features.Admin.Dashboard;

/// <summary>
/// One series of a chart: the resource key of its name, its colour (Paul Tol's palette, told apart with colour-blindness
/// too) and the colour of a label written on it, whichever of black and white reads better on that colour.
/// </summary>
public sealed record ChartSeries(string NameKey, string Colour, string LabelColour);

/// <summary>A part of a bar, placed on an axis running from 0 to 1.</summary>
public sealed record BarSegment(ChartSeries Series, int Value, double Start, double Length);

/// <summary>A bar made of segments stacked end to end, such as a cluster's local and cross-border listings.</summary>
public sealed record StackedBar(string Label, int Total, IReadOnlyList<BarSegment> Segments);

/// <summary>Lays out stacked bars on a shared scale (or each to its full length when showing shares); the page only multiplies by pixels.</summary>
public static class StackedBars
{
    public static IReadOnlyList<StackedBar> Layout(IReadOnlyList<ChartSeries> series, IEnumerable<(string Label, IReadOnlyList<int> Values)> rows, bool asShares)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = rows.ToList();
        var max = Math.Max(1, list.Select(r => r.Values.Sum()).DefaultIfEmpty(0).Max());
        return list.Select(row =>
        {
            var total = row.Values.Sum();
            var scale = asShares ? Math.Max(1, total) : max;
            var start = 0.0;
            var segments = new List<BarSegment>(series.Count);
            for (var i = 0; i < series.Count; i++)
            {
                var length = (double)row.Values[i] / scale;
                segments.Add(new BarSegment(series[i], row.Values[i], start, length));
                start += length;
            }

            return new StackedBar(row.Label, total, segments);
        }).ToList();
    }

    /// <summary>A round, even number at or above the largest total, so the axis and its middle line read as whole numbers.</summary>
    public static int NiceMaximum(int value)
    {
        if (value <= 4)
        {
            return 4;
        }

        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 4, 10 })
        {
            if (step * magnitude >= value && (step * magnitude) % 2 == 0)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
