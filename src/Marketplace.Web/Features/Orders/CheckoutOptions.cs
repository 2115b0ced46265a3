namespace Marketplace.Web.Features.Orders;

public sealed class CheckoutOptions
{
    public const string Section = "Checkout";

    /// <summary>The flat fee each seller in an order charges for shipping its part, in whole rupiah.</summary>
    public long ShippingFeePerSeller { get; set; } = 15_000;
}
