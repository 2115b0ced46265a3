using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Screening;

/// <summary>What a training run learnt from and the model version it put in force.</summary>
public sealed record TrainingResult(int Version, int ListingCount, IReadOnlyList<string> Clusters, RedecisionSummary Effect);

/// <summary>
/// Trains the text model from the platform's own categorised listings (the published ones, title and description to the
/// category's cluster) and puts it in force as a rule change: a new policy version, and every cross-border listing the
/// rules can act on decided again with it.
/// </summary>
public sealed class ScreeningModelTraining(MarketplaceDbContext db, PolicyRuleChanges rules, TimeProvider clock)
{
    /// <summary>Enough listings per cluster to learn its words, few enough that training stays a matter of seconds.</summary>
    private const int ListingsPerCluster = 3_000;

    public async Task<TrainingResult> TrainAsync(string actor, CancellationToken cancellationToken)
    {
        var listings = await (
                from l in db.Listings.AsNoTracking()
                join c in db.Categories.AsNoTracking() on l.CategoryId equals c.Id
                join k in db.Clusters.AsNoTracking() on c.ClusterId equals k.Id
                where l.State == ListingState.Published
                select new { l.Id, l.Title, l.Description, k.Code })
            .ToListAsync(cancellationToken);
        var sample = listings.GroupBy(l => l.Code)
            .SelectMany(g => g.OrderBy(l => l.Id).Take(ListingsPerCluster))
            .Select(l => (l.Title, l.Description, l.Code))
            .ToList();

        if (sample.Select(l => l.Code).Distinct().Count() < 2)
        {
            // A model needs at least two clusters to tell apart; a young catalogue keeps screening by keywords alone.
            throw new DomainException("screening.too_few_listings", "The text model needs published listings in at least two clusters.");
        }

        var (bytes, labels) = await Task.Run(() => TextModel.Train(sample), cancellationToken);
        var version = 0;
        var effect = await rules.PutScreeningModelInForceAsync(
            next =>
            {
                version = next;
                return new ScreeningModel(next, labels, sample.Count, bytes, actor, clock.GetUtcNow());
            },
            actor,
            cancellationToken);
        return new TrainingResult(version, sample.Count, labels, effect);
    }
}
