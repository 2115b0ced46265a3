namespace Marketplace.Web.Features.Payouts;

public sealed class PayoutOptions
{
    public const string Section = "Payouts";

    /// <summary>The secret shared with the disbursement provider; it signs every callback (HMAC-SHA256 over the body).</summary>
    public string CallbackSecret { get; set; } = string.Empty;

    /// <summary>How far a callback's timestamp may be from now; older ones are refused as replays.</summary>
    public int CallbackWindowMinutes { get; set; } = 5;

    /// <summary>Offers "simulate disbursement" on payouts in transit. The sandbox provider inside the app; never on in production.</summary>
    public bool Sandbox { get; set; }
}
