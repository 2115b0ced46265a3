using System.Reflection;
using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Listings;

/// <summary>
/// Writes state columns into a listing the way the database hands a row back (EF sets private members too): the
/// policy's writer assigns these columns in SQL, so the entity has no method for them.
/// </summary>
internal static class StoredListing
{
    public static ListingStateColumns Columns(Listing listing) =>
        new(listing.State, listing.SuspendedBy, [.. listing.ReasonCodes], listing.StateNote, listing.StateChangedAt, listing.PublishedAt);

    public static void Apply(Listing listing, ListingStateColumns columns)
    {
        Set(listing, nameof(Listing.State), columns.State);
        Set(listing, nameof(Listing.SuspendedBy), columns.SuspendedBy);
        Set(listing, nameof(Listing.StateNote), columns.StateNote);
        Set(listing, nameof(Listing.StateChangedAt), columns.StateChangedAt);
        Set(listing, nameof(Listing.PublishedAt), columns.PublishedAt);
        typeof(Listing).GetField("_reasonCodes", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(listing, columns.ReasonCodes.ToList());
    }

    private static void Set(Listing listing, string property, object? value) =>
        typeof(Listing).GetProperty(property)!.SetValue(listing, value);
}
