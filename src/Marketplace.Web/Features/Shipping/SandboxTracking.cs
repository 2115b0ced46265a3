using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Shipping;

/// <summary>
/// The sandbox courier's side of tracking: it sends a booked parcel's next event (picked up, in transit, out for delivery,
/// delivered; or failed on request), signed with the shared secret, to the same receiver the real webhook reaches.
/// </summary>
public sealed class SandboxTracking(MarketplaceDbContext db, TrackingCallbacks callbacks, TimeProvider clock, IOptions<ShippingOptions> options)
{
    private static readonly (TrackingStage Stage, string Location)[] Journey =
    [
        (TrackingStage.PickedUp, "Gudang penjual"),
        (TrackingStage.InTransit, "Hub sortir"),
        (TrackingStage.OutForDelivery, "Kurir menuju alamat"),
        (TrackingStage.Delivered, "Diterima di alamat"),
    ];

    public bool Enabled => options.Value.Sandbox;

    /// <summary>The event the courier would send next for this parcel; null when the sandbox is off, the parcel unknown or done.</summary>
    public async Task<TrackingCallbackBody?> NextEventAsync(string trackingNumber, bool fail, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sent = await db.Database.SqlQuery<int>(
            $"UPDATE sandbox_courier_parcels SET events_sent = CASE WHEN {fail} THEN {Journey.Length} ELSE events_sent + 1 END WHERE tracking_number = {trackingNumber} AND events_sent < {Journey.Length} RETURNING events_sent AS \"Value\"")
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (sent.Count == 0)
        {
            return null;
        }

        var (stage, location) = fail ? (TrackingStage.Failed, "Alamat tidak ditemukan") : Journey[sent[0] - 1];
        return new TrackingCallbackBody($"sbx-{trackingNumber}-{sent[0]}", trackingNumber, TrackingCallbackBody.StatusOf(stage), location, clock.GetUtcNow());
    }

    /// <summary>Sends the parcel's next event through the signed receiver; null when there is none to send.</summary>
    public async Task<TrackingOutcome?> SendNextAsync(string trackingNumber, bool fail, CancellationToken cancellationToken)
    {
        if (await NextEventAsync(trackingNumber, fail, cancellationToken) is not { } next)
        {
            return null;
        }

        var (body, signature) = TrackingCallbacks.Sign(next, options.Value.TrackingSecret);
        return await callbacks.ReceiveAsync(body, signature, cancellationToken);
    }
}
