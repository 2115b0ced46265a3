using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// No code in the web tier may change a listing's state except through the policy's decision writer: a new path that
/// calls the entity's decision methods, updates the state column in SQL or through EF's ExecuteUpdate, or inserts
/// listings in any state but Draft fails here and must go through the policy.
/// </summary>
public sealed partial class SingleEnforcementPointTests
{
    private static readonly string[] Allowed = [Path.Combine("Features", "Policy", "DecisionWriter.cs")];

    [Fact]
    public void Only_the_decision_writer_changes_a_listings_state()
    {
        var web = Path.Combine(RepositoryFolder.Root, "src", "Marketplace.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !Allowed.Any(a => f.EndsWith(a, StringComparison.Ordinal)))
            .Where(f => WritesState(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        offenders.Should().BeEmpty();
        File.ReadAllText(Path.Combine(web, Allowed[0])).Should().MatchRegex(StateUpdate().ToString(), "the rule must still see the writer's own statement");
    }

    [Theory]
    [InlineData("UPDATE listings SET title = @t, state = 2 WHERE id = @id")]
    [InlineData("update listings l\n  set stock = 0,\n      STATE = {(int)ListingState.Published}")]
    [InlineData("await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.State, ListingState.Published), ct);")]
    [InlineData("db.Listings\n    .Where(x => ids.Contains(x.Id))\n    .ExecuteUpdate(u => u\n        .SetProperty(x => x.Stock, 0)\n        .SetProperty(x => x.State, ListingState.Published));")]
    [InlineData("INSERT INTO listings (seller_id, title, state) VALUES (@s, @t, 2)")]
    [InlineData("INSERT INTO listings (seller_id, title, state) SELECT @s, r.title, {(int)ListingState.Published} FROM import_rows r")]
    [InlineData("COPY listings (seller_id, title, state) FROM STDIN (FORMAT BINARY)")]
    [InlineData("listing.ApplyPublicationDecision(decision, now);")]
    public void The_rule_catches_each_way_of_writing_a_state(string code) =>
        WritesState(code).Should().BeTrue();

    [Theory]
    [InlineData("UPDATE listings SET stock = stock - @q WHERE id = @id")]
    [InlineData("await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, l => l.Stock - quantity), ct);")]
    [InlineData("await db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OrderState.Paid), ct);")]
    [InlineData("INSERT INTO listings (seller_id, title, state) SELECT @s, r.title, {(int)ListingState.Draft} FROM import_rows r")]
    [InlineData("INSERT INTO listing_images (listing_id, stored_name) VALUES (@l, @n)")]
    public void The_rule_lets_other_writes_through(string code) =>
        WritesState(code).Should().BeFalse();

    private static bool WritesState(string code) =>
        DecisionCall().IsMatch(code) || StateUpdate().IsMatch(code) || StateExecuteUpdate().IsMatch(code)
        || ListingInsert().Matches(code).Any(insert => !insert.Value.Contains("{(int)ListingState.Draft}", StringComparison.Ordinal));

    [GeneratedRegex(@"\.(ApplyPublicationDecision|ApplyRuleChangeDecision)\s*\(")]
    private static partial Regex DecisionCall();

    [GeneratedRegex(@"UPDATE\s+listings\b[^;]*?\bSET\b[^;]*?\bstate\s*=", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StateUpdate();

    [GeneratedRegex(@"\bListings\b[^;]*?\.ExecuteUpdate(Async)?\([^;]*?SetProperty\(\s*\w+\s*=>\s*\w+\.(State|SuspendedBy|ReasonCodes|PublishedAt)\b", RegexOptions.Singleline)]
    private static partial Regex StateExecuteUpdate();

    /// <summary>
    /// A statement inserting or copying into listings with the state column, to its end. New rows may only start as
    /// drafts, which the policy decides on publication; a COPY cannot say so and is always caught.
    /// </summary>
    [GeneratedRegex(@"(INSERT\s+INTO|COPY)\s+listings\s*\([^)]*\bstate\b[^;]*", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ListingInsert();
}
