namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// Money and parcels end to end in a real browser on a phone (390 px): a shopper buys with a courier of their choice and
/// pays the virtual account in the sandbox; the seller books the courier, prints the A6 label and the sandbox courier's
/// signed tracking events carry the parcel to the door; the shopper confirms receipt, the seller's balance becomes
/// available, a changed bank account is confirmed by e-mail and waits out its 24 hours on the site's clock, and the
/// withdrawal is settled by the disbursement sandbox's signed callback; then the admins' reconciliation balances. Every
/// step leaves a screenshot (walk-loop-*). The complaint's walk is <see cref="ComplaintWalkTests"/>, on a site of its own,
/// so this walk's day on the clock does not carry over into it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MoneyAndParcelsWalkTests(WalkFixture fixture) : IClassFixture<WalkFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Csp.Seen.Should().BeEmpty("the pages run under the Content-Security-Policy without a violation");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_shopper_buys_with_a_courier_of_choice_the_seller_ships_and_is_paid_out_to_a_confirmed_bank_account()
    {
        await new Walk(fixture, "walk-loop").BuyShipAndPayOutAsync();
    }
}
