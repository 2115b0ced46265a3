using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Shipping;
using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>
/// Runs one claimed import as ONE transaction: valid rows are upserted by SKU set-based (binary COPY into a temporary
/// table, then one INSERT ... ON CONFLICT), the rows that are new or whose policy inputs changed (and drafts) are
/// published through <see cref="ListingPublication"/> inside the same transaction, the problems are stored, and the
/// import is marked complete; a fault anywhere rolls all of it back. A row identical to what is stored is not written
/// and not decided again, so uploading the same file twice changes nothing.
/// </summary>
public sealed class ListingImporter(
    MarketplaceDbContext db, ListingPublication publication, NpgsqlDataSource data, TimeProvider clock, ListingImports imports, ImageStore images, JobLeases leases,
    ILogger<ListingImporter> logger)
{
    /// <summary>The message of a job whose every attempt was cut off (its node or the database went away).</summary>
    public const string AttemptsExhausted = "Csv.Failure.Attempts";

    /// <summary>The message of a job whose every attempt failed in the database; nothing of the file is saved.</summary>
    public const string DatabaseFailure = "Csv.Failure.Database";

    /// <summary>The problem of a row saved as a draft because it has no photo to be published with.</summary>
    public const string PhotoRequired = "Csv.Problem.PhotoRequired";

    public async Task RunAsync(long importId, CancellationToken cancellationToken)
    {
        var job = await db.ListingImports.AsNoTracking().Where(i => i.Id == importId)
            .Select(i => new { i.SellerId, i.Content, i.Actor }).SingleAsync(cancellationToken);
        var seller = await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == job.SellerId, cancellationToken);
        var categories = await CategoryIndex.LoadAsync(db, cancellationToken);
        var (package, packageFailure) = ImportPackage.Open(job.Content, imports.PackageLimits);
        if (package is null)
        {
            await FailAsync(importId, packageFailure!, 0);
            return;
        }

        CsvReadResult read;
        using (package)
        {
            try
            {
                read = await ListingCsv.ReadAsync(package, categories, seller.Origin, imports.MaxRows, (done, total) => ReportAsync(importId, done, total, cancellationToken), cancellationToken);
            }
            catch (CsvHelper.CsvFormatException e)
            {
                logger.LogInformation(e, "Import {ImportId} is not a readable CSV", importId);
                await FailAsync(importId, "Csv.Failure.Unreadable", 0);
                return;
            }

            if (read.FailureKey is not null)
            {
                await FailAsync(importId, read.FailureKey, read.TotalRows);
                return;
            }

            read = await StorePhotosAsync(read, package, await ListingsWithPhotosAsync(job.SellerId, read, cancellationToken), cancellationToken);
        }

        try
        {
            await WriteAsync(importId, job.SellerId, job.Actor, read, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong, the transaction is rolled back: nothing of the file is saved. The job goes back to the
            // queue while it has attempts left, then ends Failed and the seller is told so.
            logger.LogWarning(e, "Import {ImportId} failed and was rolled back", importId);
            db.ChangeTracker.Clear();
            await leases.ReleaseAfterFailureAsync(ListingImportWorker.Table, importId, DatabaseFailure, CancellationToken.None);
        }
    }

    /// <summary>
    /// Puts every photo the valid rows name through the upload's checks and re-encoding, before the transaction (it is
    /// file work); a row with a photo refused is reported and not written. Each file of the ZIP is checked and
    /// re-encoded once; each row gets copies of its own, as each listing's photos are its own, even when rows name the
    /// same file. Rows whose listing has photos already keep them (the seller manages those in the form), so no file
    /// is stored for them.
    /// </summary>
    private async Task<CsvReadResult> StorePhotosAsync(CsvReadResult read, ImportPackage package, HashSet<string> withPhotos, CancellationToken cancellationToken)
    {
        var rows = new List<CsvListingRow>(read.Rows.Count);
        var problems = read.Problems.ToList();
        var checkedFiles = new Dictionary<string, ImageUpload>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in read.Rows)
        {
            if (withPhotos.Contains(row.Listing.Sku))
            {
                rows.Add(row with { Images = [] });
                continue;
            }

            var stored = new List<string>(row.Images.Count);
            foreach (var name in row.Images)
            {
                ImageUpload upload;
                if (checkedFiles.TryGetValue(name, out var first))
                {
                    upload = first.Image is { } original ? first with { Image = images.Copy(original) } : first;
                }
                else
                {
                    upload = package.ReadImage(name, ImageStore.MaxBytes) is { } bytes
                        ? await images.SaveAsync(name, bytes, cancellationToken)
                        : new ImageUpload(name, null, "Seller.Image.TooLarge");
                    checkedFiles[name] = upload;
                }

                if (upload.Image is { } image)
                {
                    stored.Add(image.Name);
                }
                else
                {
                    problems.Add(new CsvProblem(row.RowNumber, ListingCsv.Images, upload.ProblemKey!, name));
                }
            }

            if (stored.Count == row.Images.Count)
            {
                rows.Add(row with { Images = stored });
            }
        }

        return read with { Rows = rows, Problems = problems };
    }

    /// <summary>The SKUs of the file whose listings have a photo already, read before the photos are stored.</summary>
    private async Task<HashSet<string>> ListingsWithPhotosAsync(int sellerId, CsvReadResult read, CancellationToken cancellationToken)
    {
        var skus = read.Rows.Where(r => r.Images.Count > 0).Select(r => r.Listing.Sku).ToArray();
        if (skus.Length == 0)
        {
            return [];
        }

        var found = await db.Listings.AsNoTracking()
            .Where(l => l.SellerId == sellerId && skus.Contains(l.Sku) && db.ListingImages.Any(i => i.ListingId == l.Id))
            .Select(l => l.Sku)
            .ToListAsync(cancellationToken);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Compares and writes under the import transaction's locks, never on a copy read before them: an edit that lands
    /// meanwhile is either committed before the import reads the row or waits for the import to commit.
    /// </summary>
    private async Task WriteAsync(long importId, int sellerId, string actor, CsvReadResult read, CancellationToken cancellationToken) =>
        await PolicyTransaction.RunAsync(
            db,
            async ct =>
            {
                await WriteLockedAsync(importId, sellerId, actor, read, ct);
                return true;
            },
            cancellationToken);

    private async Task WriteLockedAsync(long importId, int sellerId, string actor, CsvReadResult read, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var skus = read.Rows.Select(r => r.Listing.Sku).ToArray();

        // Policy lock order: clusters, categories, seller, then the listings. The stored rows' categories are read
        // before the locks only to know what to lock; the locked read below re-checks them.
        var storedCategories = await db.Listings.Where(l => l.SellerId == sellerId && skus.Contains(l.Sku)).Select(l => l.CategoryId).Distinct().ToListAsync(ct);
        var categoryIds = read.Rows.Select(r => r.Listing.Content.CategoryId).Concat(storedCategories).ToHashSet();
        var clusterIds = await db.Categories.Where(c => categoryIds.Contains(c.Id) && c.ClusterId != null).Select(c => c.ClusterId!.Value).Distinct().ToListAsync(ct);
        await PolicyLocks.ShareClustersAsync(db, clusterIds, ct);
        await PolicyLocks.ShareCategoriesAsync(db, categoryIds, ct);
        await PolicyLocks.ShareSellersAsync(db, [sellerId], ct);
        var existing = await LockStoredAsync(importId, sellerId, skus, ct);
        if (existing.Values.Any(s => !categoryIds.Contains(s.CategoryId)))
        {
            throw new ConcurrentChangeException();
        }

        var problems = read.Problems.ToList();
        var toWrite = new List<CsvListingRow>();
        var republish = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        var skipped = 0;
        foreach (var row in read.Rows)
        {
            var content = row.Listing.Content;
            if (!existing.TryGetValue(row.Listing.Sku, out var stored))
            {
                if (row.Listing.Parcel is null)
                {
                    // A new listing needs its weight; a row updating one may leave the weight columns empty to keep it.
                    problems.Add(new CsvProblem(row.RowNumber, ListingColumns.WeightGrams, "Seller.Listing.Problem.WeightRequired", string.Empty));
                    continue;
                }

                toWrite.Add(row);
                republish.Add(row.Listing.Sku);
                continue;
            }

            if (!stored.UnchangedSinceUpload)
            {
                problems.Add(new CsvProblem(row.RowNumber, ListingColumns.Sku, "Csv.Problem.ChangedAfterUpload", row.Listing.Sku));
                skipped++;
                continue;
            }

            if (stored.State == ListingState.Archived || ListingTransitions.IsTakenDownByAdmin(stored.State, stored.SuspendedBy))
            {
                problems.Add(new CsvProblem(row.RowNumber, ListingColumns.Sku, stored.State == ListingState.Archived ? "Csv.Problem.Archived" : "Csv.Problem.SuspendedByAdmin", row.Listing.Sku));
                continue;
            }

            var policyInputChanged = stored.CategoryId != content.CategoryId || stored.Title != content.Title || stored.Description != content.Description
                || stored.Price != content.Price || stored.Origin != content.Origin;
            var changed = policyInputChanged || stored.Stock != content.Stock || stored.TkdnPercent != content.TkdnPercent
                || (row.Listing.Parcel is { } parcel && parcel != stored.Parcel);
            if (changed)
            {
                toWrite.Add(row);
            }
            else
            {
                unchanged++;
            }

            if (policyInputChanged || stored.State == ListingState.Draft)
            {
                republish.Add(row.Listing.Sku);
            }
        }

        var written = await UpsertAsync(sellerId, toWrite, existing, now, ct);
        await AttachPhotosAsync(read.Rows, existing, written, republish, ct);
        var ids = existing.Values.Where(s => republish.Contains(s.Sku)).Select(s => s.Id)
            .Concat(written.Where(w => republish.Contains(w.Key) && !existing.ContainsKey(w.Key)).Select(w => w.Value))
            .ToList();
        var decided = ids.Count == 0 ? [] : await publication.PublishAsync(ids, DecisionTrigger.CsvImport, actor, ct);

        // A row the publication left out was saved but is not ready to publish (it has no photo): the seller is told which.
        var notReady = ids.Except(decided.Select(d => d.ListingId)).ToHashSet();
        if (notReady.Count > 0)
        {
            var skuOf = existing.Values.ToDictionary(s => s.Id, s => s.Sku);
            foreach (var (sku, id) in written)
            {
                skuOf[id] = sku;
            }

            var notReadySkus = notReady.Select(id => skuOf[id]).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(read.Rows.Where(r => notReadySkus.Contains(r.Listing.Sku))
                .Select(r => new CsvProblem(r.RowNumber, ListingCsv.Images, PhotoRequired, r.Listing.Sku)));
        }

        await InsertProblemsAsync(importId, problems, ct);
        await using (var baselines = PolicyTransaction.Command(db, "DELETE FROM listing_import_baselines WHERE import_id = @id"))
        {
            baselines.Parameters.AddWithValue("id", importId);
            await baselines.ExecuteNonQueryAsync(ct);
        }

        var created = toWrite.Count(r => !existing.ContainsKey(r.Listing.Sku));
        await using var done = PolicyTransaction.Command(db, $"""
            UPDATE listing_imports
            SET status = {(int)ListingImportStatus.Completed}, finished_at = @now, checked_rows = total_rows, created_count = @created, updated_count = @updated,
                unchanged_count = @unchanged, invalid_count = @invalid, published_count = @published, not_published_count = @not_published,
                skipped_count = @skipped
            WHERE id = @id
            """);
        done.Parameters.AddWithValue("now", clock.GetUtcNow());
        done.Parameters.AddWithValue("created", created);
        done.Parameters.AddWithValue("updated", toWrite.Count - created);
        done.Parameters.AddWithValue("unchanged", unchanged);
        done.Parameters.AddWithValue("invalid", problems.Where(p => p.Key is not ("Csv.Problem.ChangedAfterUpload" or PhotoRequired)).Select(p => p.RowNumber).Distinct().Count());
        done.Parameters.AddWithValue("skipped", skipped);
        done.Parameters.AddWithValue("published", decided.Count(d => d.State == ListingState.Published));
        done.Parameters.AddWithValue("not_published", ids.Count - decided.Count(d => d.State == ListingState.Published));
        done.Parameters.AddWithValue("id", importId);
        await done.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The shop's stored rows for the file's SKUs, locked FOR UPDATE in id order, so nothing changes them until the import
    /// commits; each says whether its content version is still the one captured when the upload was accepted.
    /// </summary>
    private async Task<Dictionary<string, Stored>> LockStoredAsync(long importId, int sellerId, string[] skus, CancellationToken ct)
    {
        await using var command = PolicyTransaction.Command(db, """
            SELECT l.id, l.sku, l.state, l.suspended_by, l.category_id, l.title, l.description, l.price_idr, l.stock, l.origin, l.tkdn_percent,
                   l.version = b.version IS TRUE,
                   EXISTS (SELECT 1 FROM listing_images i WHERE i.listing_id = l.id),
                   l.weight_grams, l.length_cm, l.width_cm, l.height_cm
            FROM listings l
            LEFT JOIN listing_import_baselines b ON b.import_id = @import AND b.listing_id = l.id
            WHERE l.seller_id = @seller AND l.sku = ANY(@skus)
            ORDER BY l.id
            FOR UPDATE OF l
            """);
        command.Parameters.AddWithValue("import", importId);
        command.Parameters.AddWithValue("seller", sellerId);
        command.Parameters.AddWithValue("skus", skus);
        var stored = new Dictionary<string, Stored>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new Stored(
                reader.GetInt64(0),
                reader.GetString(1),
                (ListingState)reader.GetInt32(2),
                await reader.IsDBNullAsync(3, ct) ? null : (SuspensionSource)reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetString(5),
                reader.GetString(6),
                new Rupiah(reader.GetInt64(7)),
                reader.GetInt32(8),
                (ProductOrigin)reader.GetInt32(9),
                await reader.IsDBNullAsync(10, ct) ? null : reader.GetDecimal(10),
                reader.GetBoolean(11),
                reader.GetBoolean(12),
                new ParcelSize(
                    reader.GetInt32(13),
                    await reader.IsDBNullAsync(14, ct) ? null : reader.GetInt32(14),
                    await reader.IsDBNullAsync(15, ct) ? null : reader.GetInt32(15),
                    await reader.IsDBNullAsync(16, ct) ? null : reader.GetInt32(16)));
            stored[row.Sku] = row;
        }

        return stored;
    }

    /// <summary>
    /// Writes new and changed rows set-based: the locked rows by id, the new ones by insert; returns the id of every row
    /// written, by SKU. A SKU another writer created after the locked read makes the import start again, to compare with it.
    /// </summary>
    private async Task<Dictionary<string, long>> UpsertAsync(int sellerId, List<CsvListingRow> rows, Dictionary<string, Stored> existing, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var create = PolicyTransaction.Command(db, """
            CREATE TEMP TABLE import_rows (listing_id bigint, sku text, category_id int, title text, description text, search_title text, search_description text, price_idr bigint, stock int, origin int, tkdn_percent numeric(5,2),
                                           weight_grams int, length_cm int, width_cm int, height_cm int)
            ON COMMIT DROP
            """))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY import_rows (listing_id, sku, category_id, title, description, search_title, search_description, price_idr, stock, origin, tkdn_percent, weight_grams, length_cm, width_cm, height_cm) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                var c = row.Listing.Content;
                await copy.StartRowAsync(ct);
                if (existing.TryGetValue(row.Listing.Sku, out var stored))
                {
                    await copy.WriteAsync(stored.Id, NpgsqlDbType.Bigint, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }

                await copy.WriteAsync(row.Listing.Sku, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.CategoryId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(c.Title, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Description, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(SearchText.Fold(c.Title), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(SearchText.Fold(c.Description), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Price.Amount, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(c.Stock, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)c.Origin, NpgsqlDbType.Integer, ct);
                await WriteOptionalAsync(copy, c.TkdnPercent, NpgsqlDbType.Numeric, ct);

                // No weight on an update row keeps the stored one: null columns leave the listing's size as it is.
                var parcel = row.Listing.Parcel;
                await WriteOptionalAsync(copy, parcel?.Grams, NpgsqlDbType.Integer, ct);
                await WriteOptionalAsync(copy, parcel?.LengthCm, NpgsqlDbType.Integer, ct);
                await WriteOptionalAsync(copy, parcel?.WidthCm, NpgsqlDbType.Integer, ct);
                await WriteOptionalAsync(copy, parcel?.HeightCm, NpgsqlDbType.Integer, ct);
            }

            await copy.CompleteAsync(ct);
        }

        // New rows start as drafts, as the entity's constructor makes them; publication decides their state afterwards.
        // An edit of text or category withdraws an admin's earlier "correctly classified", as Listing.Edit does.
        await using var upsert = PolicyTransaction.Command(db, $"""
            WITH updated AS (
                UPDATE listings AS l
                SET category_id = r.category_id, title = r.title, description = r.description,
                    search_title = r.search_title, search_description = r.search_description, price_idr = r.price_idr,
                    stock = r.stock, origin = r.origin, tkdn_percent = r.tkdn_percent, updated_at = @now, version = l.version + 1,
                    weight_grams = COALESCE(r.weight_grams, l.weight_grams),
                    length_cm = CASE WHEN r.weight_grams IS NULL THEN l.length_cm ELSE r.length_cm END,
                    width_cm = CASE WHEN r.weight_grams IS NULL THEN l.width_cm ELSE r.width_cm END,
                    height_cm = CASE WHEN r.weight_grams IS NULL THEN l.height_cm ELSE r.height_cm END,
                    misclassification_cleared = l.misclassification_cleared
                        AND (l.category_id, l.title, l.description) IS NOT DISTINCT FROM (r.category_id, r.title, r.description)
                FROM import_rows r
                WHERE l.id = r.listing_id
                RETURNING l.sku, l.id),
            inserted AS (
                INSERT INTO listings (seller_id, category_id, sku, title, description, search_title, search_description, price_idr, stock, origin, tkdn_percent, state,
                                      state_changed_at, reason_codes, misclassification_cleared, created_at, updated_at, version, weight_grams, length_cm, width_cm, height_cm)
                SELECT @seller, r.category_id, r.sku, r.title, r.description, r.search_title, r.search_description, r.price_idr, r.stock, r.origin, r.tkdn_percent, {(int)ListingState.Draft},
                       @now, ARRAY[]::text[], false, @now, @now, 1, r.weight_grams, r.length_cm, r.width_cm, r.height_cm
                FROM import_rows r
                WHERE r.listing_id IS NULL
                ON CONFLICT (seller_id, sku) DO NOTHING
                RETURNING sku, id)
            SELECT sku, id FROM updated UNION ALL SELECT sku, id FROM inserted
            """);
        upsert.Parameters.AddWithValue("seller", sellerId);
        upsert.Parameters.AddWithValue("now", now);
        var ids = new Dictionary<string, long>(rows.Count, StringComparer.Ordinal);
        await using (var reader = await upsert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return ids.Count == rows.Count ? ids : throw new ConcurrentChangeException();
    }

    /// <summary>
    /// Gives the ZIP's photos to the rows' listings that have none yet (new ones, or drafts saved without a photo), so
    /// they can be published; a listing that has photos keeps its own, which the seller manages in the form, and the
    /// same file uploaded twice changes nothing. Only rows about to be published get photos.
    /// </summary>
    private async Task AttachPhotosAsync(
        IReadOnlyList<CsvListingRow> rows, Dictionary<string, Stored> existing, Dictionary<string, long> written, HashSet<string> republish, CancellationToken ct)
    {
        var attach = new List<(long ListingId, string Name, int Position)>();
        foreach (var row in rows.Where(r => r.Images.Count > 0 && republish.Contains(r.Listing.Sku)))
        {
            long? id = existing.TryGetValue(row.Listing.Sku, out var stored) ? (stored.HasPhotos ? null : stored.Id)
                : written.TryGetValue(row.Listing.Sku, out var created) ? created : null;
            if (id is { } listingId)
            {
                attach.AddRange(row.Images.Select((name, position) => (listingId, name, position)));
            }
        }

        if (attach.Count == 0)
        {
            return;
        }

        await using var insert = PolicyTransaction.Command(db, """
            INSERT INTO listing_images (listing_id, stored_name, content_type, position)
            SELECT * FROM unnest(@listings, @names, @types, @positions)
            """);
        insert.Parameters.AddWithValue("listings", attach.Select(a => a.ListingId).ToArray());
        insert.Parameters.AddWithValue("names", attach.Select(a => a.Name).ToArray());
        insert.Parameters.AddWithValue("types", attach.Select(a => ImageStore.ContentTypeOf(a.Name)).ToArray());
        insert.Parameters.AddWithValue("positions", attach.Select(a => a.Position).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    private async Task InsertProblemsAsync(long importId, List<CsvProblem> problems, CancellationToken ct)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY listing_import_problems (import_id, row_number, \"column\", problem_key, value) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var problem in problems.OrderBy(p => p.RowNumber))
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(importId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(problem.RowNumber, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(problem.Column, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(problem.Key, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(problem.Value, NpgsqlDbType.Varchar, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>Progress goes on its own connection, outside the import's transaction, so other nodes' pages see it at once.</summary>
    private async Task ReportAsync(long importId, int done, int total, CancellationToken ct)
    {
        await using var command = data.CreateCommand("UPDATE listing_imports SET checked_rows = @done, total_rows = @total WHERE id = @id");
        command.Parameters.AddWithValue("done", done);
        command.Parameters.AddWithValue("total", total);
        command.Parameters.AddWithValue("id", importId);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task FailAsync(long importId, string failureKey, int totalRows)
    {
        await using var command = data.CreateCommand(
            $"UPDATE listing_imports SET status = {(int)ListingImportStatus.Failed}, failure_key = @key, total_rows = @total, finished_at = @now WHERE id = @id");
        command.Parameters.AddWithValue("key", failureKey);
        command.Parameters.AddWithValue("total", totalRows);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("id", importId);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static Task WriteOptionalAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, ct) : copy.WriteNullAsync(ct);

    private sealed record Stored(
        long Id, string Sku, ListingState State, SuspensionSource? SuspendedBy, int CategoryId, string Title, string Description, Rupiah Price, int Stock, ProductOrigin Origin, decimal? TkdnPercent,
        bool UnchangedSinceUpload, bool HasPhotos, ParcelSize Parcel);
}
