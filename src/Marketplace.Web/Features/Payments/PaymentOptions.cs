namespace Marketplace.Web.Features.Payments;

public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>Bank that issues the virtual accounts, as shown to the shopper.</summary>
    public string Bank { get; set; } = "BCA";

    /// <summary>How long a shopper has to pay a bank transfer order before it expires and its stock goes back on sale.</summary>
    public int HoursToPay { get; set; } = 24;

    /// <summary>The secret shared with the provider; it signs every payment callback (HMAC-SHA256 over the body).</summary>
    public string CallbackSecret { get; set; } = string.Empty;

    /// <summary>How far a callback's timestamp may be from now; older ones are refused as replays.</summary>
    public int CallbackWindowMinutes { get; set; } = 5;

    /// <summary>Offers "simulate payment" on unpaid orders. The sandbox provider inside the app; never on in production.</summary>
    public bool Sandbox { get; set; }

    public int ExpirySweepSeconds { get; set; } = 60;
}
