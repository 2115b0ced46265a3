using Marketplace.Domain.Listings;
using Npgsql;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// Writes the fingerprints of a stored photo, on a connection of its own: the file is written outside any transaction
/// too, and a fingerprint of a photo no listing uses is never read (lookups join the listing's photos).
/// </summary>
public sealed class PhotoFingerprints(NpgsqlDataSource data)
{
    public async Task SaveAsync(string storedName, IReadOnlyList<PhotoHash> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count == 0)
        {
            return;
        }

        var rows = hashes.Select((h, part) => new PhotoFingerprint(storedName, part, h)).ToList();

        // A photo of a listing already refused (the start-up backfill) joins the photos the policy's lookup searches.
        await using var command = data.CreateCommand($"""
            INSERT INTO photo_fingerprints (stored_name, part, hash, band0, band1, band2)
            SELECT @name, * FROM unnest(@parts, @hashes, @band0, @band1, @band2)
            ON CONFLICT DO NOTHING;
            {BannedPhotos.AddFingerprinted}
            """);
        command.Parameters.AddWithValue("name", storedName);
        command.Parameters.AddWithValue("banned_names", new[] { storedName });
        command.Parameters.AddWithValue("parts", rows.Select(r => r.Part).ToArray());
        command.Parameters.AddWithValue("hashes", rows.Select(r => r.Hash).ToArray());
        command.Parameters.AddWithValue("band0", rows.Select(r => r.Band0).ToArray());
        command.Parameters.AddWithValue("band1", rows.Select(r => r.Band1).ToArray());
        command.Parameters.AddWithValue("band2", rows.Select(r => r.Band2).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The fingerprints of photos removed from the store.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<string> storedNames, CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand("DELETE FROM photo_fingerprints WHERE stored_name = ANY(@names)");
        command.Parameters.AddWithValue("names", storedNames.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
