using System.Text.RegularExpressions;
using Marketplace.Domain.Listings;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// No code in the web tier may change a listing's state except through the policy's decision writer: a new path that
/// computes new state columns outside the policy's folder, updates the state column in SQL or through EF's
/// ExecuteUpdate, or inserts listings in any state but Draft fails here and must go through the policy. And no code
/// anywhere may say again what "cross-border" or "taken down by an admin" means: those facts live in
/// <see cref="PlacedListings"/> alone.
/// </summary>
public sealed partial class SingleEnforcementPointTests
{
    private static readonly string[] Allowed = [Path.Combine("Features", "Policy", "DecisionWriter.cs")];

    /// <summary>The state machine's functions that compute new state columns: only the policy's folder may call them.</summary>
    private static readonly string[] Transitions = [nameof(ListingTransitions.After), nameof(ListingTransitions.SuspendedByAdmin)];

    private static readonly string FactsFile = Path.Combine("Marketplace.Domain", "Listings", "PlacedListing.cs");

    [Fact]
    public void Only_the_decision_writer_changes_a_listings_state()
    {
        var web = Path.Combine(RepositoryFolder.Root, "src", "Marketplace.Web");
        var offenders = SourceFiles(web)
            .Where(f => !Allowed.Any(a => f.EndsWith(a, StringComparison.Ordinal)))
            .Where(f => WritesState(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        offenders.Should().BeEmpty();
        File.ReadAllText(Path.Combine(web, Allowed[0])).Should().MatchRegex(StateUpdate().ToString(), "the rule must still see the writer's own statement");
    }

    [Fact]
    public void Only_the_policy_folder_computes_new_state_columns()
    {
        var web = Path.Combine(RepositoryFolder.Root, "src", "Marketplace.Web");
        var policy = Path.Combine(web, "Features", "Policy") + Path.DirectorySeparatorChar;
        SourceFiles(web)
            .Where(f => !f.StartsWith(policy, StringComparison.Ordinal) && TransitionCall().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(web, f))
            .Should().BeEmpty();
    }

    [Fact]
    public void The_rule_looks_only_for_methods_that_exist()
    {
        var methods = typeof(ListingTransitions).GetMethods().Select(m => m.Name).ToHashSet();
        Transitions.Should().OnlyContain(name => methods.Contains(name));
        TransitionCall().ToString().Should().Contain(string.Join('|', Transitions));
    }

    [Fact]
    public void Cross_border_a_shop_abroad_and_an_admin_s_take_down_are_spelled_out_only_in_the_placed_listing_file()
    {
        var src = Path.Combine(RepositoryFolder.Root, "src");
        SourceFiles(src)
            .Where(f => !f.EndsWith(FactsFile, StringComparison.Ordinal) && SpellsOutAFact(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f))
            .Should().BeEmpty("the facts have one home, PlacedListings, whose C#, EF and SQL forms PlacedListingTruthTableTests compares");
        SpellsOutAFact(File.ReadAllText(Path.Combine(src, FactsFile))).Should().BeTrue("the rule must still see the facts' own definitions");
    }

    [Theory]
    [InlineData("v.Seller.Origin == SellerOrigin.CrossBorder || v.Listing.Origin == ProductOrigin.Imported")]
    [InlineData("l.Origin == ProductOrigin.Imported || s.Origin == SellerOrigin.CrossBorder")]
    [InlineData("$\"(s.origin = {(int)SellerOrigin.CrossBorder} OR l.origin = {(int)ProductOrigin.Imported})\"")]
    [InlineData("l.State == ListingState.Suspended && l.SuspendedBy == SuspensionSource.Admin")]
    [InlineData("listing.SuspendedBy is SuspensionSource.Admin")]
    [InlineData("WHERE state = {(int)ListingState.Suspended} AND suspended_by = {(int)SuspensionSource.Admin}")]
    [InlineData("s.Origin == SellerOrigin.CrossBorder")]
    [InlineData("var origin = sellerOrigin == SellerOrigin.CrossBorder ? ProductOrigin.Imported : chosen;")]
    [InlineData("seller.Origin is SellerOrigin.CrossBorder")]
    [InlineData("WHERE s.origin = {(int)SellerOrigin.CrossBorder}")]
    public void The_rule_catches_each_way_of_spelling_out_a_fact(string code) =>
        SpellsOutAFact(code).Should().BeTrue();

    [Theory]
    [InlineData("db.PlacedListings.Where(PlacedListings.TakenDownByAdmin)")]
    [InlineData("new ListingStateColumns(ListingState.Suspended, SuspensionSource.Admin, reasons, note, at, published)")]
    [InlineData("value=\"@SellerOrigin.CrossBorder\"")]
    [InlineData("if (PlacedListings.IsShopAbroad(origin))")]
    public void The_rule_lets_other_mentions_through(string code) =>
        SpellsOutAFact(code).Should().BeFalse();

    [Theory]
    [InlineData("UPDATE listings SET title = @t, state = 2 WHERE id = @id")]
    [InlineData("update listings l\n  set stock = 0,\n      STATE = {(int)ListingState.Published}")]
    [InlineData("await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.State, ListingState.Published), ct);")]
    [InlineData("db.Listings\n    .Where(x => ids.Contains(x.Id))\n    .ExecuteUpdate(u => u\n        .SetProperty(x => x.Stock, 0)\n        .SetProperty(x => x.State, ListingState.Published));")]
    [InlineData("INSERT INTO listings (seller_id, title, state) VALUES (@s, @t, 2)")]
    [InlineData("INSERT INTO listings (seller_id, title, state) SELECT @s, r.title, {(int)ListingState.Published} FROM import_rows r")]
    [InlineData("COPY listings (seller_id, title, state) FROM STDIN (FORMAT BINARY)")]
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

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static bool SpellsOutAFact(string code) =>
        CrossBorderCheck().IsMatch(code) || ShopAbroadCheck().IsMatch(code) || AdminTakedownCheck().IsMatch(code);

    private static bool WritesState(string code) =>
        StateUpdate().IsMatch(code) || StateExecuteUpdate().IsMatch(code)
        || ListingInsert().Matches(code).Any(insert => !insert.Value.Contains("{(int)ListingState.Draft}", StringComparison.Ordinal));

    [GeneratedRegex(@"\bListingTransitions\s*\.\s*(After|SuspendedByAdmin)\s*\(")]
    private static partial Regex TransitionCall();

    /// <summary>Seller origin and product origin joined by "or", in C# or SQL, either way round.</summary>
    [GeneratedRegex(@"SellerOrigin\.CrossBorder\}?\)?\s*(\|\||\bOR\b)[^;?]{0,120}?ProductOrigin\.Imported|ProductOrigin\.Imported\}?\)?\s*(\|\||\bOR\b)[^;?]{0,120}?SellerOrigin\.CrossBorder")]
    private static partial Regex CrossBorderCheck();

    /// <summary>A comparison with a trader abroad's origin, in C# or SQL: a shop abroad is <see cref="PlacedListings.ShopAbroad"/>.</summary>
    [GeneratedRegex(@"(==|!=|\bis|(?<![=!<>])=)\s*(\{\s*\(int\)\s*)?SellerOrigin\.CrossBorder\b|SellerOrigin\.CrossBorder\s*(==|!=)")]
    private static partial Regex ShopAbroadCheck();

    /// <summary>A comparison with an admin's suspension, in C# or SQL.</summary>
    [GeneratedRegex(@"(==|!=|\bis|(?<![=!<>])=)\s*(\{\s*\(int\)\s*)?SuspensionSource\.Admin\b|SuspensionSource\.Admin\s*(==|!=)")]
    private static partial Regex AdminTakedownCheck();

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
