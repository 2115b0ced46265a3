using System.Globalization;
using System.Text;

namespace Marketplace.Web.Tests.Policy.ScreeningSets;

/// <summary>One listing of a screening set: the cluster its goods belong to, how it was disguised, and its text.</summary>
public sealed record ScreeningCase(string Cluster, string Trick, string Title, string Description);

/// <summary>
/// The listings the screening is measured on, kept as tab-separated files beside this class (the benchmark links them too).
/// <c>disguised.tsv</c>: goods of the closed clusters written to slip past keywords; <c>legitimate.tsv</c>: goods of open clusters.
/// Invisible characters are written <c>\uXXXX</c> in the files so a reader sees them.
/// </summary>
public static class ScreeningSet
{
    public static IReadOnlyList<ScreeningCase> Disguised { get; } = Read("disguised.tsv", f => new ScreeningCase(f[0], f[1], f[2], f[3]));

    public static IReadOnlyList<ScreeningCase> Legitimate { get; } = Read("legitimate.tsv", f => new ScreeningCase(f[0], "none", f[1], f[2]));

    private static List<ScreeningCase> Read(string file, Func<string[], ScreeningCase> parse) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "ScreeningSets", file), Encoding.UTF8)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => parse(line.Split('\t').Select(Unescape).ToArray()))
            .ToList();

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
