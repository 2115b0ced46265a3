using System.Data.Common;
using System.Globalization;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Marketplace.Web.Features.Photos;

/// <summary>A photo of a listing near-identical to a photo of a listing refused or taken down for a closed cluster.</summary>
public sealed record BannedPhotoMatch(long ListingId, string Photo, long MatchedListingId, int MatchedSellerId, string MatchedPhoto, int MatchedClusterId, int Distance);

/// <summary>A photo of another shop's listing near-identical to one of this shop's photos.</summary>
public sealed record SharedPhoto(string Photo, int OtherSellerId, long OtherListingId, string OtherPhoto, int Distance);

/// <summary>
/// Finds near-identical photos by their perceptual hashes (<see cref="PhotoHash"/>), with multi-index hashing: each
/// query reads the fingerprints sharing a band with the query's hash or its mirror to within a few bits (one index scan
/// per band, <see cref="PhotoHashBands"/>), checks the whole 64 bits, then joins the listing the photo belongs to. Every
/// part of a stored photo (the whole and its crops) is a fingerprint, so a copy cropped by up to a tenth finds the crop it
/// is close to. The policy's lookup searches only the photos of listings refused or taken down for a closed cluster
/// (<see cref="BannedPhotos"/>), from the band indexes alone, cut narrow (<see cref="PhotoHashBands.Narrow"/>: every copy
/// within the match distance is found), and confirms the few it finds against the listing's state at the lookup and the
/// photos it still has, so the listing row stays the one truth. The search among every shop's photos (fronts) uses the
/// wide cut, which suits ten times as many rows.
/// </summary>
public sealed class PhotoMatches(MarketplaceDbContext db)
{
    /// <summary>
    /// For each of the listings with a photo near-identical to a photo of another listing refused or taken down for a
    /// closed cluster, the nearest such match. Runs in the caller's transaction when there is one.
    /// </summary>
    public Task<IReadOnlyDictionary<long, BannedPhotoMatch>> BannedMatchesAsync(IReadOnlyCollection<long> listingIds, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyDictionary<long, BannedPhotoMatch>>(async (connection, transaction) =>
        {
            var matches = new Dictionary<long, BannedPhotoMatch>();
            var photos = await PhotosOfAsync(connection, transaction, "i.listing_id = ANY(@owners)", listingIds.ToArray(), cancellationToken);
            var found = await LookUpAsync(
                connection,
                transaction,
                photos,
                $"""
                SELECT l.id, l.seller_id, b.stored_name, c.cluster_id, m.distance
                FROM ({BannedCandidates}) m
                JOIN banned_photo_parts b ON b.listing_id = m.listing_id AND b.hash = m.hash
                JOIN listing_images i ON i.listing_id = b.listing_id AND i.stored_name = b.stored_name
                JOIN listings l ON l.id = b.listing_id
                JOIN categories c ON c.id = l.category_id
                WHERE l.id <> @owner AND {BannedPhotos.RefusedForClosedCluster}
                ORDER BY m.distance, l.id
                LIMIT 1
                """,
                PhotoHashBands.Narrow,
                r => (Listing: r.GetInt64(0), Seller: r.GetInt32(1), Name: r.GetString(2), Cluster: r.GetInt32(3), Distance: r.GetInt32(4)),
                cancellationToken);
            foreach (var (photo, rows) in found)
            {
                foreach (var row in rows)
                {
                    if (!matches.TryGetValue(photo.Owner, out var best) || row.Distance < best.Distance)
                    {
                        matches[photo.Owner] = new BannedPhotoMatch(photo.Owner, photo.Name, row.Listing, row.Seller, row.Name, row.Cluster, row.Distance);
                    }
                }
            }

            return matches;
        },
        cancellationToken);

    /// <summary>
    /// The listing photos of other shops near-identical to a photo of this shop's listings, nearest first: a shop asking
    /// to be verified as local that shares photos with a cross-border, closed or suspended shop is a possible front.
    /// </summary>
    public Task<IReadOnlyList<SharedPhoto>> ShopsSharingPhotosAsync(int sellerId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<SharedPhoto>>(async (connection, transaction) =>
        {
            var photos = await PhotosOfAsync(connection, transaction, "i.listing_id IN (SELECT id FROM listings WHERE seller_id = @owners)", sellerId, cancellationToken);
            var found = await LookUpAsync(
                connection,
                transaction,
                photos,
                $"""
                SELECT DISTINCT ON (i.stored_name) l.seller_id, l.id, i.stored_name, {Distance} AS distance
                FROM photo_fingerprints f
                JOIN listing_images i ON i.stored_name = f.stored_name
                JOIN listings l ON l.id = i.listing_id
                WHERE {Probes} AND {Distance} <= {PhotoHash.MatchDistance} AND l.seller_id <> @seller
                ORDER BY i.stored_name, distance
                """,
                PhotoHashBands.Wide,
                r => new SharedPhoto(string.Empty, r.GetInt32(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3)),
                cancellationToken,
                command => command.Parameters.AddWithValue("seller", sellerId));
            return found.SelectMany(f => f.Rows.Select(r => r with { Photo = f.Photo.Name }))
                .OrderBy(s => s.Distance).ThenBy(s => s.OtherSellerId).ThenBy(s => s.OtherListingId)
                .ToList();
        },
        cancellationToken);

    /// <summary>Bits apart, the mirror image's distance when it is closer, as <see cref="PhotoHash.DistanceTo"/> counts them.</summary>
    private const string Distance = "least(bit_count((f.hash # @hash)::bit(64)), bit_count((f.hash # @mirror)::bit(64)))";

    /// <summary>Every stored photo's fingerprints sharing a probed band (<see cref="PhotoHashBands.Wide"/>), over <c>f</c>.</summary>
    private const string Probes = "(f.band0 = ANY(@band0) OR f.band1 = ANY(@band1) OR f.band2 = ANY(@band2))";

    /// <summary>
    /// The banned parts within the match distance, one index-only scan per band of <see cref="PhotoHashBands.Narrow"/>, each
    /// reading only the few values probed in its band.
    /// </summary>
    private static readonly string BannedCandidates = string.Join(
        "\nUNION ALL\n",
        Enumerable.Range(0, PhotoHashBands.Narrow.Count).Select(band =>
            $"SELECT f.listing_id, f.hash, {Distance} AS distance FROM banned_photo_parts f WHERE f.band{band} = ANY(@band{band}) AND {Distance} <= {PhotoHash.MatchDistance}"));

    private sealed record QueryPhoto(long Owner, string Name, PhotoHash Hash);

    /// <summary>The whole-picture hashes of the listing photos a condition on <c>i</c> (listing_images) selects.</summary>
    private static async Task<List<QueryPhoto>> PhotosOfAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string condition, object owners, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT i.listing_id, i.stored_name, f.hash
            FROM listing_images i
            JOIN photo_fingerprints f ON f.stored_name = i.stored_name AND f.part = 0
            WHERE {condition}
            ORDER BY i.listing_id, i.position
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("owners", owners);
        var photos = new List<QueryPhoto>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            photos.Add(new QueryPhoto(reader.GetInt64(0), reader.GetString(1), new PhotoHash(reader.GetInt64(2))));
        }

        return photos;
    }

    /// <summary>One lookup per photo, sent together in one round trip; each statement's plan is the same index scans, one per band.</summary>
    private static async Task<List<(QueryPhoto Photo, List<T> Rows)>> LookUpAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, List<QueryPhoto> photos, string sql, PhotoHashBands bands, Func<DbDataReader, T> read,
        CancellationToken cancellationToken, Action<NpgsqlBatchCommand>? parameters = null)
    {
        var found = photos.Select(p => (Photo: p, Rows: new List<T>())).ToList();
        if (photos.Count == 0)
        {
            return found;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var photo in photos)
        {
            var command = new NpgsqlBatchCommand(sql);
            var probes = bands.Probes(photo.Hash);
            command.Parameters.AddWithValue("hash", photo.Hash.Bits);
            command.Parameters.AddWithValue("mirror", photo.Hash.Mirrored.Bits);
            for (var band = 0; band < probes.Count; band++)
            {
                command.Parameters.AddWithValue("band" + band.ToString(CultureInfo.InvariantCulture), probes[band]);
            }

            command.Parameters.AddWithValue("owner", photo.Owner);
            parameters?.Invoke(command);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var index = 0;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[index].Rows.Add(read(reader));
            }

            index++;
        }
        while (await reader.NextResultAsync(cancellationToken));

        return found;
    }

    private async Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> work, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
