using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Orders;

/// <summary>On time is the provider's time of payment against the deadline, whenever the report arrives and whether or not the order expired.</summary>
public class PaymentDeadlineTests
{
    private static readonly DateTimeOffset Placed = new(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset PayBy = Placed.AddHours(24);
    private const string Account = "8808123456789012";

    [Fact]
    public void A_payment_made_after_the_deadline_is_refused_even_when_the_order_still_awaits_it()
    {
        var (order, _) = NewOrder(stock: 5);

        var act = () => order.SettleTransfer(Account, order.Total, PayBy.AddSeconds(1));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("payment.late");
        order.PaymentStatus.Should().Be(PaymentStatus.AwaitingPayment);
        order.SettleTransfer(Account, order.Total, PayBy).Should().BeTrue("a payment at the deadline is on time");
        order.PaidAt.Should().Be(PayBy);
    }

    [Fact]
    public void A_payment_made_on_time_reopens_an_expired_order_and_takes_its_stock_again()
    {
        var (order, listing) = NewOrder(stock: 5);
        order.Expire([listing], "system", PayBy.AddHours(1));
        listing.Stock.Should().Be(7, "the expiry put the two units back");

        var events = order.ReopenPaid(Account, order.Total, PayBy.AddMinutes(-3), [listing], "system", PayBy.AddHours(2));

        order.PaymentStatus.Should().Be(PaymentStatus.Paid);
        order.PaidAt.Should().Be(PayBy.AddMinutes(-3));
        order.Lines.Should().OnlyContain(l => l.Status == OrderLineStatus.New);
        events.Should().ContainSingle().Which.To.Should().Be(OrderLineStatus.New);
        listing.Stock.Should().Be(5);
    }

    [Fact]
    public void An_expired_order_is_not_reopened_by_a_late_payment_or_when_its_stock_was_sold_and_nothing_changes()
    {
        var (order, listing) = NewOrder(stock: 5);
        order.Expire([listing], "system", PayBy.AddHours(1));

        var late = () => order.ReopenPaid(Account, order.Total, PayBy.AddSeconds(1), [listing], "system", PayBy.AddHours(2));
        late.Should().Throw<DomainException>().Which.Code.Should().Be("payment.late");
        listing.DecrementStock(6);
        var soldOut = () => order.ReopenPaid(Account, order.Total, PayBy.AddMinutes(-1), [listing], "system", PayBy.AddHours(2));

        soldOut.Should().Throw<DomainException>().Which.Code.Should().Be("payment.stock_gone");
        (order.PaymentStatus, listing.Stock).Should().Be((PaymentStatus.Expired, 1));
        order.Lines.Should().OnlyContain(l => l.Status == OrderLineStatus.Cancelled);
    }

    private static (Order Order, Listing Listing) NewOrder(int stock)
    {
        var listing = new Listing(10, "KB-01", new ListingContent(3, "Kemeja Batik Tulis", "Katun.", new Rupiah(250_000), stock, ProductOrigin.Local, null), Placed);
        var order = new Order("MP-20260602-BBBBBB", "user-1", ShippingAddress.Create("Siti", "0812345678", "Jl. Malioboro 1", "Yogyakarta", "DI Yogyakarta", "55271"), PaymentMethod.BankTransfer, new Rupiah(10_000), Placed);

        // A listing made in memory has id 0, so the line points at it.
        order.AddLine(0, 10, "Kemeja Batik Tulis", new Rupiah(250_000), 2);
        order.AwaitTransferInto(new VirtualAccount("BCA", Account, PayBy));
        return (order, listing);
    }
}
