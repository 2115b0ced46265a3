namespace Marketplace.Domain.Shipping;

/// <summary>Where a booked parcel is, as the courier's tracking events report it.</summary>
public enum TrackingStage
{
    /// <summary>The seller booked the service and has a resi; the courier has not picked the parcel up yet.</summary>
    Booked = 0,
    PickedUp = 1,
    InTransit = 2,
    OutForDelivery = 3,
    Delivered = 4,

    /// <summary>The courier could not deliver and returns the parcel to the seller.</summary>
    Failed = 5,
}

public static class TrackingStages
{
    /// <summary>Delivered and failed both end a parcel's journey; nothing comes after either.</summary>
    public static bool IsFinal(TrackingStage stage) => stage is TrackingStage.Delivered or TrackingStage.Failed;

    /// <summary>How far along a stage is: an event only moves a parcel forward.</summary>
    public static int Rank(TrackingStage stage) => stage == TrackingStage.Failed ? (int)TrackingStage.Delivered : (int)stage;
}
