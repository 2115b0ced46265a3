namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// The second walk of money and parcels at 390 px: a delivered order, "Ajukan komplain" with a photo within the 2 days,
/// the seller accepts it, the shopper sees the refund and the seller's balance never gets the money; the admins'
/// reconciliation balances. Every step leaves a screenshot (walk-complaint-*).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ComplaintWalkTests(WalkFixture fixture) : IClassFixture<WalkFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_shopper_complains_about_a_delivered_order_with_a_photo_the_seller_accepts_and_the_refund_goes_to_the_shopper()
    {
        await new Walk(fixture, "walk-complaint").ComplainAndRefundAsync();
    }

}
