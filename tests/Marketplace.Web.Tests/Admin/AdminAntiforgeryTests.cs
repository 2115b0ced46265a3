using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Admin;

/// <summary>Every admin form posted without its antiforgery token is refused with 400 and changes nothing.</summary>
public sealed class AdminAntiforgeryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Token = "__RequestVerificationToken";

    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task Every_admin_post_without_the_antiforgery_token_gets_400_and_changes_nothing()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var waiting = await _scenario.CreateDraftAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif Batik Parang", origin: ProductOrigin.Imported);
        (await _scenario.PublishAsync(waiting)).State.Should().Be(ListingState.PendingReview);
        await _scenario.CreatePublishedAsync(foreign, PolicyScenario.Smartphones, "Smartphone Lipat 256 GB", ProductOrigin.Imported);
        var toys = await _scenario.ClusterIdAsync(ReferenceCatalog.Toys);
        var textile = await _scenario.ClusterIdAsync("TEXTILE");
        var category = await _scenario.CategoryIdAsync("botol-minum");
        var evidence = await _scenario.WithDbAsync(async db =>
        {
            var shop = await db.Sellers.SingleAsync(s => s.Id == foreign);
            shop.RequestLocalVerification();
            var sent = new OriginEvidence(foreign, "9120001234567", null, "Jl. Uji No. 1", "Bandung", "Jawa Barat", "40111", _scenario.Now);
            db.OriginEvidence.Add(sent);
            await db.SaveChangesAsync();
            return sent.Id;
        });
        var client = await AdminPages.AdminClientAsync(fixture.App);
        var before = await SnapshotAsync();

        // The forms an admin sees, including the confirmations that appear only under a preview.
        var pages = new List<(string Url, IHtmlDocument Page)>();
        foreach (var url in new[]
        {
            "/Admin/Clusters", "/Admin/Categories", "/Admin/Rules", "/Admin/Review", $"/Admin/Sellers/Detail?id={foreign}",
            $"/Admin/Categories/Edit?id={category}", $"/Admin/Rules/Lexicon?clusterId={textile}", $"/Admin/Clusters/Change?id={toys}",
            $"/Admin/Verification/Detail?id={evidence}",
        })
        {
            pages.Add((url, await client.GetDocumentAsync(url)));
        }

        pages.Add(($"/Admin/Clusters/Change?id={toys}", await PreviewAsync(client, $"/Admin/Clusters/Change?id={toys}", "#change-form", new Dictionary<string, string> { ["Input.Reason"] = "Uji token" })));
        pages.Add(($"/Admin/Categories/Edit?id={category}", await PreviewAsync(client, $"/Admin/Categories/Edit?id={category}", "form[action*=PreviewMove]", new Dictionary<string, string> { ["Move.ClusterId"] = textile.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        pages.Add(($"/Admin/Rules/Lexicon?clusterId={textile}", await PreviewAsync(client, $"/Admin/Rules/Lexicon?clusterId={textile}", "form[action*=Preview]", new Dictionary<string, string> { ["Input.Terms"] = "batik\nbotol" })));
        pages.Add(("/Admin/Rules", await PreviewAsync(client, "/Admin/Rules", "#minimum-form", new Dictionary<string, string> { ["Input.Enabled"] = "true" })));

        var forms = pages
            .SelectMany(p => p.Page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Select(f => (p.Url, Form: f)))
            .Where(p => p.Form.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => Submissions(p.Form, p.Form.GetAttribute("action") ?? p.Url, waiting))
            .ToList();
        forms.Should().OnlyContain(f => f.Action.StartsWith("/Admin", StringComparison.Ordinal));
        forms.Select(f => f.Action).Where(a => a.Contains("handler=", StringComparison.Ordinal)).Select(a => a.Split('?')[0] + a[a.IndexOf("handler=", StringComparison.Ordinal)..])
            .Distinct().Should().HaveCountGreaterThanOrEqualTo(16, "every form an admin sees is among them");

        var refused = new List<string>();
        foreach (var (action, values) in forms)
        {
            values.Should().NotContainKey(Token);
            using var response = await client.PostAsync(action, new FormUrlEncodedContent(values));
            refused.Add($"{action} -> {(int)response.StatusCode}");
        }

        foreach (var handler in (await AdminPages.EnumerateAsync(fixture.App)).Where(h => h.HttpMethod == "POST"))
        {
            using var response = await AdminPages.SendAsync(client, handler);
            refused.Add($"{handler.Url} -> {(int)response.StatusCode}");
        }

        refused.Should().OnlyContain(r => r.EndsWith("-> 400", StringComparison.Ordinal));
        (await SnapshotAsync()).Should().Be(before);
    }

    /// <summary>A form's fields without the token, once per submit button (a form may post to several handlers).</summary>
    private static IEnumerable<(string Action, Dictionary<string, string> Values)> Submissions(IHtmlFormElement form, string action, long waiting)
    {
        var values = AdminPages.Values(form).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.First().Value);
        values.Remove(Token);
        values.TryAdd("Input.Reason", "Tanpa token");
        values.TryAdd("Reason", "Tanpa token");
        values["Selected"] = waiting.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["Note"] = "Tanpa token";
        var actions = form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!).Append(action).Distinct();
        return actions.Select(a => (a, new Dictionary<string, string>(values)));
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string url, string form, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await client.SubmitAsync(await client.GetDocumentAsync(url), form, fields);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await FormPost.ParseAsync(response);
        page.QuerySelector("#preview").Should().NotBeNull(page.QuerySelector(".alert-danger")?.TextContent);
        return page;
    }

    private Task<string> SnapshotAsync() => _scenario.WithDbAsync(async db => string.Join(
        " | ",
        await db.AdminActions.CountAsync(),
        await db.ClusterBlocks.CountAsync(),
        await db.PolicyDecisions.CountAsync(),
        await db.PolicySettings.Select(p => p.Version).SingleAsync(),
        await db.LexiconTerms.CountAsync(),
        await db.Clusters.CountAsync(),
        await db.Categories.CountAsync(c => c.IsRetired),
        await db.Sellers.CountAsync(s => s.VerifiedAt != null || s.Status != SellerStatus.Active),
        string.Join(",", await db.Listings.OrderBy(l => l.Id).Select(l => l.State).ToListAsync())));
}
