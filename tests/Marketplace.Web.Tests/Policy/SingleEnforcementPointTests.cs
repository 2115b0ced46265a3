using System.Text.RegularExpressions;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// No code in the web tier may change a listing's state except through the policy's decision writer: a new path that
/// calls the entity's decision methods or updates the state column in SQL fails here and must go through the policy.
/// </summary>
public sealed partial class SingleEnforcementPointTests
{
    private static readonly string[] Allowed = [Path.Combine("Features", "Policy", "DecisionWriter.cs")];

    [Fact]
    public void Only_the_decision_writer_changes_a_listings_state()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Marketplace.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !Allowed.Any(a => f.EndsWith(a, StringComparison.Ordinal)))
            .Where(f => DecisionCall().IsMatch(File.ReadAllText(f)) || StateUpdate().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        offenders.Should().BeEmpty();
        File.ReadAllText(Path.Combine(web, Allowed[0])).Should().MatchRegex(StateUpdate().ToString(), "the rule must still see the writer's own statement");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\.(ApplyPublicationDecision|ApplyRuleChangeDecision)\s*\(")]
    private static partial Regex DecisionCall();

    [GeneratedRegex(@"UPDATE\s+listings\b[^;]*?\bSET\b[^;]*?\bstate\s*=", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StateUpdate();
}
