using Marketplace.Web.Features.Storefront;

namespace Marketplace.Web.Features.Notifications;

/// <summary>An instant written in WIB the way the recipient's language writes dates, when a notification is formatted for them.</summary>
public sealed record IndonesianTime(DateTimeOffset Instant) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => StorefrontText.InIndonesianTime(Instant, formatProvider);

    public override string ToString() => StorefrontText.InIndonesianTime(Instant);
}
