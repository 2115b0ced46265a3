using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>A site whose listing images and evidence documents go to a temporary folder of the test class's own.</summary>
public class SellerPortalFixture : AppFixture
{
    public string ImageDirectory { get; } = Path.Combine(Path.GetTempPath(), "marketplace-test-images-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Images:Directory"] = ImageDirectory,
        ["Evidence:Directory"] = Path.Combine(ImageDirectory, "evidence"),
        ["Imports:PollMilliseconds"] = "100",
    };
}
