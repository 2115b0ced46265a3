using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests;

/// <summary>
/// Features folders depend in one direction: a folder that imports another (<c>using Marketplace.Web.Features.X</c>) may
/// not be imported back, directly or through others. The loops that existed when this test was written are listed; the
/// list may only shrink (a listed import that no longer closes a loop fails too, so it is taken off), and a new loop fails.
/// </summary>
public sealed partial class FeatureFolderTests
{
    /// <summary>Imports that close a loop today, as "From>To": the debt to pay down, never to add to.</summary>
    private static readonly string[] KnownLoopImports =
    [
        "Admin>Enforcement", "Admin>Policy", "Enforcement>Admin", "Enforcement>Policy", "Enforcement>Sellers",
        "Ledger>Notifications", "Notifications>Storefront", "Orders>Notifications", "Orders>Payments", "Orders>Policy", "Orders>Storefront",
        "Payments>Ledger", "Payments>Orders", "Policy>Enforcement", "Policy>Sellers",
        "Sellers>Enforcement", "Sellers>Ledger", "Sellers>Orders", "Sellers>Policy", "Sellers>Shipping", "Sellers>Storefront",
        "Sellers>Verification", "Storefront>Orders", "Storefront>Policy", "Verification>Admin", "Verification>Policy",
        "Orders>Shipping", "Shipping>Ledger", "Shipping>Orders", "Shipping>Payments",
    ];

    [Fact]
    public void No_new_import_loop_between_features_folders()
    {
        var imports = Imports(Path.Combine(RepositoryFolder.Root, "src", "Marketplace.Web", "Features"));

        LoopImports(imports).Should().BeSubsetOf(KnownLoopImports, "a folder two features share goes to a shared folder rather than one feature importing the other");
        KnownLoopImports.Should().BeSubsetOf(LoopImports(imports), "a loop that is gone comes off the list, so it cannot come back unnoticed");
    }

    [Fact]
    public void A_loop_through_a_third_folder_is_caught()
    {
        var imports = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        LoopImports(imports).Should().BeEquivalentTo(["A>B", "B>C", "C>A"]);
    }

    /// <summary>Each top folder of Features and the other top folders its files import.</summary>
    private static Dictionary<string, HashSet<string>> Imports(string features) =>
        Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(features, f).Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .GroupBy(f => Path.GetRelativePath(features, f).Split(Path.DirectorySeparatorChar)[0])
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(f => FeatureUsing().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
                    .Where(to => to != g.Key)
                    .ToHashSet());

    /// <summary>The imports "From>To" where To reaches From again.</summary>
    private static List<string> LoopImports(Dictionary<string, HashSet<string>> imports) =>
        [.. imports.SelectMany(x => x.Value.Where(to => Reaches(imports, to, x.Key)).Select(to => $"{x.Key}>{to}")).Order(StringComparer.Ordinal)];

    private static bool Reaches(Dictionary<string, HashSet<string>> imports, string from, string target)
    {
        var seen = new HashSet<string> { from };
        var next = new Queue<string>([from]);
        while (next.TryDequeue(out var folder))
        {
            foreach (var to in imports.GetValueOrDefault(folder, []))
            {
                if (to == target)
                {
                    return true;
                }

                if (seen.Add(to))
                {
                    next.Enqueue(to);
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^using Marketplace\.Web\.Features\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex FeatureUsing();
}
