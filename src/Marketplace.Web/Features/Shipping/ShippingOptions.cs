namespace Marketplace.Web.Features.Shipping;

public sealed class ShippingOptions
{
    public const string Section = "Shipping";

    /// <summary>The secret shared with the courier; it signs every tracking webhook (HMAC-SHA256 over the body).</summary>
    public string TrackingSecret { get; set; } = string.Empty;

    /// <summary>Offers "next tracking event" on booked parcels: the sandbox courier inside the app; never on in production.</summary>
    public bool Sandbox { get; set; }
}
