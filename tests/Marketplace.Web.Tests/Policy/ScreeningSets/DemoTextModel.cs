using Marketplace.Domain.Policy;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Screening;

namespace Marketplace.Web.Tests.Policy.ScreeningSets;

/// <summary>The text model the demo seed trains, learnt here from the demo generator's listings without a database.</summary>
public static class DemoTextModel
{
    public static TextModel Train() => TextModel.Load(TrainStored());

    /// <summary>The trained model as the database stores it.</summary>
    public static ScreeningModel TrainStored()
    {
        var clusterOf = ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null).ToDictionary(c => c.Slug, c => c.ClusterCode!);
        var listings = DemoDataGenerator.Generate().Listings.Select(l => (l.Title, l.Description, clusterOf[l.CategorySlug])).ToList();
        var (bytes, labels) = TextModel.Train(listings);
        return new ScreeningModel(1, labels, listings.Count, bytes, "test", DateTimeOffset.UnixEpoch);
    }
}
