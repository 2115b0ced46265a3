using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Admin.Rules;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Policy;

public sealed class TextModelRuleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly AdminActor Admin = new("admin-id", "admin@example.id");

    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task Retrained_model_sends_a_cross_border_listing_it_reads_as_a_closed_cluster_to_review_naming_the_words()
    {
        // "zorblat" is no lexicon term: only a model that learnt it from the shops' textile listings can tell.
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        foreach (var motif in new[] { "parang", "kawung", "truntum", "sidomukti", "mega mendung", "lereng" })
        {
            await _scenario.CreatePublishedAsync(local, PolicyScenario.Textile, $"Kain zorblat tulis motif {motif}");
            await _scenario.CreatePublishedAsync(local, PolicyScenario.Textile, $"Selembar zorblat cap {motif} pewarna alam");
            await _scenario.CreatePublishedAsync(local, PolicyScenario.PhoneCases, $"Casing HP silikon {motif} bening");
            await _scenario.CreatePublishedAsync(local, PolicyScenario.PhoneCases, $"Softcase HP anti crack {motif}");
        }

        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var disguised = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Zorblat tulis pewarna alam", ProductOrigin.Imported);
        var plain = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Casing HP silikon polos", ProductOrigin.Imported);
        var versionBefore = await _scenario.WithDbAsync(db => db.PolicySettings.Select(p => p.Version).SingleAsync());

        await WithConsoleAsync(c => c.SetClassifierThresholdAsync(0.5m, Admin, CancellationToken.None));
        var trained = await WithConsoleAsync(c => c.RetrainAsync(Admin, CancellationToken.None));

        trained.Version.Should().Be(1);
        trained.Clusters.Should().Contain([ClusterCodes.Textile, ReferenceCatalog.Electronics]);
        (await _scenario.ListingAsync(disguised)).State.Should().Be(ListingState.PendingReview);
        (await _scenario.ListingAsync(plain)).State.Should().Be(ListingState.Published);
        var decision = (await _scenario.DecisionsAsync(disguised))[^1];
        decision.Trigger.Should().Be(DecisionTrigger.RulesChanged);
        decision.ReasonCodes.Should().Equal(ReasonCodes.SuspectedMisclassification);
        decision.PolicyVersion.Should().Be(versionBefore + 2, "the threshold and the new model each move the policy version on");
        decision.MessageId.Should().Contain("Model teks versi 1").And.Contain("Tekstil").And.Contain("zorblat");
        decision.MessageEn.Should().Contain("Text model version 1").And.Contain("Textiles").And.Contain("zorblat");
        var audit = await _scenario.WithDbAsync(db => db.AdminActions.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Kind, a.Details }).ToListAsync());
        audit.Select(a => a.Kind).Should().EndWith([AdminActionKind.ClassifierThresholdChanged, AdminActionKind.ScreeningModelTrained]);
        audit[^1].Details.Should().Contain("model_version=1");
    }

    private async Task<T> WithConsoleAsync<T>(Func<RuleConsole, Task<T>> work)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<RuleConsole>());
    }
}

/// <summary>A database of its own, where no model has been trained.</summary>
public sealed class NoTextModelTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task Without_a_trained_model_screening_is_the_lexicons_alone()
    {
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");

        var live = await _scenario.CreatePublishedAsync(foreign, PolicyScenario.PhoneCases, "Zorblat halus warna sogan", ProductOrigin.Imported);

        (await _scenario.WithDbAsync(db => db.ScreeningModels.AnyAsync())).Should().BeFalse();
        (await _scenario.DecisionsAsync(live))[^1].Outcome.Should().Be(PolicyOutcome.Allowed);
    }
}
