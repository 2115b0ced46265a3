using System.Globalization;
using System.Text;

namespace Marketplace.Domain.Tests.Policy.ScreeningSets;

/// <summary>
/// One listing of a screening set: the trick family it belongs to (its file), the cluster its goods belong to, how it was
/// disguised (the trick, or in a held-out family the written word that names the goods), and its text.
/// </summary>
public sealed record ScreeningCase(string Family, bool HeldOut, string Cluster, string Trick, string Title, string Description);

/// <summary>
/// The listings the screening is measured on, kept as tab-separated files beside this class, one file per trick family.
/// <c>tuning/</c> holds the families the lexicon and the spelling folds were written and tuned against;
/// <c>heldout/</c> holds families written apart and never used to tune anything, on which the screening is measured.
/// The <c>legitimate*.tsv</c> files in each folder hold goods of open clusters, for false positives. Invisible characters are written
/// <c>\uXXXX</c> in the files so a reader sees them.
/// </summary>
public static class ScreeningSet
{
    public const string Tuning = "tuning";

    public const string HeldOut = "heldout";

    public const string Fresh = "fresh";

    private const string LegitimateFile = "legitimate";

    public static IReadOnlyList<ScreeningCase> TuningDisguised { get; } = Disguised(Tuning);

    public static IReadOnlyList<ScreeningCase> HeldOutDisguised { get; } = Disguised(HeldOut);

    public static IReadOnlyList<ScreeningCase> TuningLegitimate { get; } = Legitimate(Tuning);

    public static IReadOnlyList<ScreeningCase> HeldOutLegitimate { get; } = Legitimate(HeldOut);

    public static IReadOnlyList<ScreeningCase> FreshDisguised { get; } = Disguised(Fresh);

    public static IReadOnlyList<ScreeningCase> FreshLegitimate { get; } = Legitimate(Fresh);

    private static string Folder(string split) => Path.Combine(AppContext.BaseDirectory, "ScreeningSets", split);

    private static List<ScreeningCase> Disguised(string split) =>
        [.. Directory.GetFiles(Folder(split), "*.tsv")
            .Where(f => !IsLegitimate(f))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Read(f, (family, x) => new ScreeningCase(family, split != Tuning, x[0], x[1], x[2], x[3])))];

    private static List<ScreeningCase> Legitimate(string split) =>
        [.. Directory.GetFiles(Folder(split), "*.tsv")
            .Where(IsLegitimate)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Read(f, (family, x) => new ScreeningCase(family, split != Tuning, x[0], "none", x[1], x[2])))];

    private static bool IsLegitimate(string file) => Path.GetFileNameWithoutExtension(file).StartsWith(LegitimateFile, StringComparison.Ordinal);

    private static List<ScreeningCase> Read(string file, Func<string, string[], ScreeningCase> parse)
    {
        var family = Path.GetFileNameWithoutExtension(file);
        return [.. File.ReadLines(file, Encoding.UTF8)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => parse(family, [.. line.Split('\t').Select(Unescape)]))];
    }

    private static string Unescape(string field)
    {
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 5 < field.Length && field[i + 1] == 'u')
            {
                text.Append((char)int.Parse(field.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }
}
