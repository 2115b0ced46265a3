using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Shipping;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>
/// Runs one claimed job of an upload. Unconfirmed, it is the preview: the import's own writing and deciding in a
/// transaction that is rolled back, its outcome per listing recorded afterwards. Confirmed, it is the import, as ONE
/// transaction: valid rows are upserted by SKU set-based (binary COPY into a temporary table, then one INSERT ... ON
/// CONFLICT), their variants written through the entity, the rows that are new or whose policy inputs changed (and
/// drafts) are published through <see cref="ListingPublication"/> inside the same transaction, the outcomes and problems
/// are stored, and the import is marked complete; a fault anywhere rolls all of it back. A row identical to what is
/// stored is not written and not decided again, so uploading the same file twice changes nothing.
/// </summary>
public sealed class ListingImporter(
    MarketplaceDbContext db, ListingPublication publication, NpgsqlDataSource data, TimeProvider clock, ListingImports imports, ImageStore images, PhotoQuota quota,
    JobLeases leases, ILogger<ListingImporter> logger)
{
    /// <summary>The message of a job whose every attempt was cut off (its node or the database went away).</summary>
    public const string AttemptsExhausted = "Csv.Failure.Attempts";

    /// <summary>The message of a job whose every attempt failed in the database; nothing of the file is saved.</summary>
    public const string DatabaseFailure = "Csv.Failure.Database";

    /// <summary>The problem of a row saved as a draft because it has no photo to be published with.</summary>
    public const string PhotoRequired = "Csv.Problem.PhotoRequired";

    /// <summary>The problem of a row whose listing changed after the upload: the change stands, the row is not applied.</summary>
    public const string ChangedAfterUpload = "Csv.Problem.ChangedAfterUpload";

    public async Task RunAsync(long importId, CancellationToken cancellationToken)
    {
        var job = await db.ListingImports.AsNoTracking().Where(i => i.Id == importId)
            .Select(i => new { i.SellerId, i.Content, i.Actor, Confirmed = i.ConfirmedAt != null }).SingleAsync(cancellationToken);
        var seller = await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == job.SellerId, cancellationToken);
        var categories = await CategoryIndex.LoadAsync(db, cancellationToken);
        var (package, packageFailure) = ImportPackage.Open(job.Content, imports.PackageLimits);
        if (package is null)
        {
            await FailAsync(importId, packageFailure!, 0);
            return;
        }

        CsvReadResult read;
        var stored = new List<string>();
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

            var withPhotos = await ListingsWithPhotosAsync(job.SellerId, read, cancellationToken);
            read = await StorePhotosAsync(read, package, job.SellerId, withPhotos, await quota.RemainingAsync(job.SellerId, cancellationToken), stored, cancellationToken);
        }

        try
        {
            if (job.Confirmed)
            {
                await WriteAsync(importId, job.SellerId, job.Actor, read, cancellationToken);
            }
            else
            {
                await PreviewAsync(importId, job.SellerId, job.Actor, read, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && !Hosting.DatabaseOutage.IsOutage(e))
        {
            // Whatever went wrong, the transaction is rolled back: nothing of the file is saved. The job goes back to the
            // queue while it has attempts left, then ends Failed and the seller is told so. A lost database is the
            // worker's to handle: it takes the job back as soon as the database answers.
            logger.LogWarning(e, "Import {ImportId} failed and was rolled back", importId);
            db.ChangeTracker.Clear();
            await leases.ReleaseAfterFailureAsync(ListingImportWorker.Table, importId, DatabaseFailure, CancellationToken.None);
        }
        finally
        {
            // The preview's photos were stored only to be checked as the import checks them; no listing keeps them.
            if (!job.Confirmed)
            {
                await images.DeleteAsync(stored, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Puts every photo the valid rows name through the upload's checks and re-encoding, before the transaction (it is
    /// file work); a row with a photo refused is reported and not written. Each file of the ZIP is checked, re-encoded
    /// and stored once, however many rows name it, and a picture the ZIP holds under several names is stored once (by its
    /// SHA-256): those rows' listings share the stored picture (a ZIP of 8 photos and 40 rows stores 8, not 40, so one
    /// upload cannot multiply the photos it stores). Removing a photo from one listing
    /// removes its row, never the file. Rows whose listing has photos already keep them (the seller manages those in the
    /// form), so no file is stored for them. Past the shop's <see cref="PhotoQuota"/>, or its storage quota in bytes, no
    /// picture is stored and each row that needed one is reported (and not written).
    /// </summary>
    private async Task<CsvReadResult> StorePhotosAsync(
        CsvReadResult read, ImportPackage package, int sellerId, HashSet<string> withPhotos, int quotaLeft, List<string> stored, CancellationToken cancellationToken)
    {
        var rows = new List<CsvListingRow>(read.Rows.Count);
        var problems = read.Problems.ToList();
        var checkedFiles = new Dictionary<string, ImageUpload>(StringComparer.OrdinalIgnoreCase);
        var checkedContents = new Dictionary<string, ImageUpload>(StringComparer.Ordinal);
        foreach (var row in read.Rows)
        {
            if (withPhotos.Contains(row.Listing.Sku))
            {
                rows.Add(row with { Images = [] });
                continue;
            }

            var rowImages = new List<string>(row.Images.Count);
            var refused = false;
            foreach (var name in row.Images)
            {
                if (!checkedFiles.TryGetValue(name, out var upload))
                {
                    if (quotaLeft <= 0)
                    {
                        upload = new ImageUpload(name, null, PhotoQuota.ReachedKey);
                    }
                    else if (package.ReadImage(name, ImageStore.MaxBytes) is not { } bytes)
                    {
                        upload = new ImageUpload(name, null, "Seller.Image.TooLarge");
                    }
                    else
                    {
                        // The same picture under another name in the ZIP is stored once, by its content.
                        var content = Convert.ToHexString(SHA256.HashData(bytes));
                        if (checkedContents.TryGetValue(content, out var same))
                        {
                            upload = same with { FileName = name };
                        }
                        else
                        {
                            upload = await images.SaveAsync(name, bytes, sellerId, cancellationToken);
                            checkedContents[content] = upload;
                            if (upload.Image is { } fresh)
                            {
                                stored.Add(fresh.Name);
                                quotaLeft--;
                            }
                        }
                    }

                    checkedFiles[name] = upload;
                }

                if (upload.Image is { } image)
                {
                    if (!rowImages.Contains(image.Name))
                    {
                        rowImages.Add(image.Name);
                    }
                }
                else
                {
                    problems.Add(new CsvProblem(row.RowNumber, ListingCsv.Images, upload.ProblemKey!, name));
                    refused = true;
                }
            }

            if (!refused)
            {
                rows.Add(row with { Images = rowImages });
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

    /// <summary>The import: written, decided and recorded in one transaction, retried whole on a deadlock.</summary>
    private async Task WriteAsync(long importId, int sellerId, string actor, CsvReadResult read, CancellationToken cancellationToken) =>
        await PolicyTransaction.RunAsync(
            db,
            async ct =>
            {
                var outcome = await WriteLockedAsync(importId, sellerId, actor, read, ct);
                await using (var baselines = PolicyTransaction.Command(db, "DELETE FROM listing_import_baselines WHERE import_id = @id"))
                {
                    baselines.Parameters.AddWithValue("id", importId);
                    await baselines.ExecuteNonQueryAsync(ct);
                }

                await RecordAsync(importId, outcome, ListingImportStatus.Completed, ct);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// The preview: the import's own writing and deciding (<see cref="WriteLockedAsync"/>, same locks, same publication,
    /// strikes and suspension) in a transaction that is rolled back, so it equals the effect as long as nothing changes
    /// before the seller confirms. What it found is recorded afterwards, outside that transaction; no listing, decision,
    /// strike or notification of it remains.
    /// </summary>
    private async Task PreviewAsync(long importId, int sellerId, string actor, CsvReadResult read, CancellationToken cancellationToken)
    {
        // A deadlock ends the attempt as it would end the import's, which runs again; so does the preview.
        var outcome = await PolicyTransaction.PreviewAsync(db, ct => WriteLockedAsync(importId, sellerId, actor, read, ct), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RecordAsync(importId, outcome, ListingImportStatus.PreviewReady, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Compares and writes under the import transaction's locks, never on a copy read before them: an edit that lands
    /// meanwhile is either committed before the import reads the row or waits for the import to commit. Returns what
    /// happened to each listing of the file; the caller records it (the import) or rolls everything back first (the preview).
    /// </summary>
    private async Task<ImportOutcome> WriteLockedAsync(long importId, int sellerId, string actor, CsvReadResult read, CancellationToken ct)
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
        var statusBefore = await db.Sellers.Where(s => s.Id == sellerId).Select(s => s.Status).SingleAsync(ct);
        var existing = await LockStoredAsync(importId, sellerId, skus, ct);
        if (existing.Values.Any(s => !categoryIds.Contains(s.CategoryId)))
        {
            throw new ConcurrentChangeException();
        }

        var storedVariants = await StoredVariantsAsync(existing.Values, ct);
        var problems = read.Problems.ToList();
        var toWrite = new List<CsvListingRow>();
        var republish = new HashSet<string>(StringComparer.Ordinal);
        var notApplied = new Dictionary<string, string>(StringComparer.Ordinal);
        var unchanged = 0;
        var skipped = 0;
        foreach (var row in read.Rows)
        {
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
                problems.Add(new CsvProblem(row.RowNumber, ListingColumns.Sku, ChangedAfterUpload, row.Listing.Sku));
                notApplied[row.Listing.Sku] = ChangedAfterUpload;
                skipped++;
                continue;
            }

            if (stored.State == ListingState.Archived || PlacedListings.IsTakenDownByAdmin(stored.State, stored.SuspendedBy))
            {
                var key = stored.State == ListingState.Archived ? "Csv.Problem.Archived" : "Csv.Problem.SuspendedByAdmin";
                problems.Add(new CsvProblem(row.RowNumber, ListingColumns.Sku, key, row.Listing.Sku));
                notApplied[row.Listing.Sku] = key;
                continue;
            }

            var current = row;
            if (row.Listing.Variants is null && stored.HasVariants)
            {
                // Rows without variant cells leave the listing's variants as they are, as the form and the API do; its
                // price and stock stay theirs, whatever the row says.
                var c = row.Listing.Content;
                current = row with { Listing = row.Listing with { Content = new ListingContent(c.CategoryId, c.Title, c.Description, stored.Price, stored.Stock, c.Origin, c.TkdnPercent) } };
            }

            var content = current.Listing.Content;

            // Whether a variant change is decided again (its words or the price changed) is the entity's to say, once written.
            var variantsChanged = current.Listing.Variants is { } variants && !SameVariants(variants, storedVariants.GetValueOrDefault(stored.Id, []));
            var change = content.ChangeFrom(stored.Content);
            var policyInputChanged = change.PolicyInputChanged;
            var changed = change.Changed || variantsChanged || (row.Listing.Parcel is { } parcel && parcel != stored.Parcel);
            if (changed)
            {
                toWrite.Add(current);
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
        republish.UnionWith(await WriteVariantsAsync(toWrite, written, now, ct));
        await AttachPhotosAsync(read.Rows, existing, written, republish, ct);
        var idOf = existing.Values.ToDictionary(s => s.Sku, s => s.Id, StringComparer.Ordinal);
        foreach (var (sku, id) in written)
        {
            idOf[sku] = id;
        }

        var ids = republish.Select(sku => idOf[sku]).ToList();
        var decided = ids.Count == 0 ? [] : await publication.PublishAsync(ids, DecisionTrigger.CsvImport, actor, ct);
        var decisionOf = decided.ToDictionary(d => d.ListingId);

        // A row the publication left out was saved but is not ready to publish (it has no photo): the seller is told which.
        problems.AddRange(read.Rows.Where(r => republish.Contains(r.Listing.Sku) && !decisionOf.ContainsKey(idOf[r.Listing.Sku]))
            .Select(r => new CsvProblem(r.RowNumber, ListingCsv.Images, PhotoRequired, r.Listing.Sku)));

        var writtenSkus = toWrite.Select(r => r.Listing.Sku).ToHashSet(StringComparer.Ordinal);
        var valid = read.Rows.ToDictionary(r => r.RowNumber);
        var problemsAt = problems.ToLookup(p => p.RowNumber);
        RowOutcome OutcomeOf(CsvEntry entry)
        {
            if (!valid.TryGetValue(entry.RowNumber, out var row))
            {
                var problem = entry.Rows.SelectMany(r => problemsAt[r]).First();
                return new RowOutcome(entry, ImportRowOutcome.NotImported, problem.Key);
            }

            var sku = row.Listing.Sku;
            if (notApplied.TryGetValue(sku, out var key))
            {
                return new RowOutcome(entry, ImportRowOutcome.NotImported, key);
            }

            if (!republish.Contains(sku))
            {
                return new RowOutcome(entry, writtenSkus.Contains(sku) ? ImportRowOutcome.Saved : ImportRowOutcome.Unchanged, null);
            }

            return decisionOf.TryGetValue(idOf[sku], out var decision) ? RowOutcome.Of(entry, decision) : new RowOutcome(entry, ImportRowOutcome.Draft, PhotoRequired);
        }

        var statusAfter = await db.Sellers.Where(s => s.Id == sellerId).Select(s => s.Status).SingleAsync(ct);
        var created = toWrite.Count(r => !existing.ContainsKey(r.Listing.Sku));
        return new ImportOutcome(
            created,
            toWrite.Count - created,
            unchanged,
            problems.Where(p => p.Key is not (ChangedAfterUpload or PhotoRequired)).Select(p => p.RowNumber).Distinct().Count(),
            decided.Count(d => d.State == ListingState.Published),
            ids.Count - decided.Count(d => d.State == ListingState.Published),
            skipped,
            problems,
            read.Entries.Select(OutcomeOf).ToList(),
            statusBefore == SellerStatus.Active && statusAfter != SellerStatus.Active);
    }

    /// <summary>Same variants in the same order, with the same prices and stocks: nothing of them to write.</summary>
    private static bool SameVariants(IReadOnlyList<VariantDraft> variants, IReadOnlyList<StoredVariant> stored) =>
        variants.Select(v => (v.Options.Label, v.Price, v.Stock)).SequenceEqual(stored.Select(v => (v.Label, v.Price, v.Stock)));

    /// <summary>The variants of the locked listings that have any, in their order.</summary>
    private async Task<Dictionary<long, IReadOnlyList<StoredVariant>>> StoredVariantsAsync(IEnumerable<Stored> stored, CancellationToken ct)
    {
        var ids = stored.Where(s => s.HasVariants).Select(s => s.Id).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var variants = await db.ListingVariants.AsNoTracking().Where(v => ids.Contains(v.ListingId)).OrderBy(v => v.ListingId).ThenBy(v => v.Position)
            .Select(v => new { v.ListingId, v.Name1, v.Value1, v.Name2, v.Value2, v.Price, v.Stock })
            .ToListAsync(ct);
        return variants.GroupBy(v => v.ListingId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<StoredVariant>)g.Select(v => new StoredVariant(new VariantOptions(v.Name1, v.Value1, v.Name2, v.Value2).Label, v.Price, v.Stock)).ToList());
    }

    /// <summary>
    /// Gives the written listings the file's variants through the entity (<see cref="Listing.SetVariants"/>), in the
    /// import's transaction and before the policy decides them, so the decision reads them. A variant the listing has
    /// under the same options keeps its id, so carts and orders holding it keep it. Returns the SKUs whose variants
    /// changed what the policy reads (their words, or the price): those are decided again, as after a title change.
    /// </summary>
    private async Task<HashSet<string>> WriteVariantsAsync(List<CsvListingRow> rows, Dictionary<string, long> written, DateTimeOffset now, CancellationToken ct)
    {
        var redecide = new HashSet<string>(StringComparer.Ordinal);
        var variantsOf = rows.Where(r => r.Listing.Variants is not null).ToDictionary(r => written[r.Listing.Sku], r => r.Listing.Variants!);
        if (variantsOf.Count == 0)
        {
            return redecide;
        }

        var ids = variantsOf.Keys.ToArray();
        var listings = await db.Listings.Include(l => l.Variants).Where(l => ids.Contains(l.Id)).ToListAsync(ct);
        foreach (var listing in listings)
        {
            var kept = listing.Variants.ToDictionary(v => v.Label.ToUpperInvariant(), v => v.Id, StringComparer.Ordinal);
            var drafts = variantsOf[listing.Id]
                .Select(d => new VariantDraft(kept.TryGetValue(d.Options.Label.ToUpperInvariant(), out var id) ? id : null, d.Options, d.Price, d.Stock))
                .ToList();
            if (listing.SetVariants(drafts, now))
            {
                redecide.Add(listing.Sku);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return redecide;
    }

    /// <summary>
    /// Stores what a run did (or, for a preview, would do): each listing's outcome and each problem, replacing an earlier
    /// run's, and the counts and status of the import.
    /// </summary>
    private async Task RecordAsync(long importId, ImportOutcome outcome, ListingImportStatus status, CancellationToken ct)
    {
        await using (var clear = PolicyTransaction.Command(db, "DELETE FROM listing_import_problems WHERE import_id = @id; DELETE FROM listing_import_rows WHERE import_id = @id"))
        {
            clear.Parameters.AddWithValue("id", importId);
            await clear.ExecuteNonQueryAsync(ct);
        }

        await InsertProblemsAsync(importId, outcome.Problems, ct);
        await InsertRowsAsync(importId, outcome.Rows, ct);
        await using var done = PolicyTransaction.Command(db, """
            UPDATE listing_imports
            SET status = @status, finished_at = @finished, checked_rows = total_rows, created_count = @created, updated_count = @updated,
                unchanged_count = @unchanged, invalid_count = @invalid, published_count = @published, not_published_count = @not_published,
                skipped_count = @skipped, suspends_shop = @suspends
            WHERE id = @id
            """);
        done.Parameters.AddWithValue("status", (int)status);
        done.Parameters.AddWithValue("finished", NpgsqlDbType.TimestampTz, status == ListingImportStatus.Completed ? clock.GetUtcNow() : DBNull.Value);
        done.Parameters.AddWithValue("created", outcome.Created);
        done.Parameters.AddWithValue("updated", outcome.Updated);
        done.Parameters.AddWithValue("unchanged", outcome.Unchanged);
        done.Parameters.AddWithValue("invalid", outcome.Invalid);
        done.Parameters.AddWithValue("skipped", outcome.Skipped);
        done.Parameters.AddWithValue("published", outcome.Published);
        done.Parameters.AddWithValue("not_published", outcome.NotPublished);
        done.Parameters.AddWithValue("suspends", outcome.SuspendsShop);
        done.Parameters.AddWithValue("id", importId);
        await done.ExecuteNonQueryAsync(ct);
    }

    private async Task InsertRowsAsync(long importId, IReadOnlyList<RowOutcome> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY listing_import_rows (import_id, row_number, variant_count, sku, title, outcome, reason_key, reason_id, reason_en, earns_strike) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(importId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(row.Entry.RowNumber, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Entry.VariantCount, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Entry.Sku, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Entry.Title, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync((int)row.Outcome, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(copy, row.ReasonKey, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, row.ReasonId, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, row.ReasonEn, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.EarnsStrike, NpgsqlDbType.Boolean, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, type, ct);
        }
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
                   l.has_variants,
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
                reader.GetBoolean(13),
                new ParcelSize(
                    reader.GetInt32(14),
                    await reader.IsDBNullAsync(15, ct) ? null : reader.GetInt32(15),
                    await reader.IsDBNullAsync(16, ct) ? null : reader.GetInt32(16),
                    await reader.IsDBNullAsync(17, ct) ? null : reader.GetInt32(17)));
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
                                           weight_grams int, length_cm int, width_cm int, height_cm int, keeps_clearance boolean)
            ON COMMIT DROP
            """))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY import_rows (listing_id, sku, category_id, title, description, search_title, search_description, price_idr, stock, origin, tkdn_percent, weight_grams, length_cm, width_cm, height_cm, keeps_clearance) FROM STDIN (FORMAT BINARY)", ct))
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

                // A new row has no clearance to keep; an existing one keeps it unless its words or category change.
                await copy.WriteAsync(stored is not null && !c.ChangeFrom(stored.Content).WithdrawsClearance, NpgsqlDbType.Boolean, ct);
            }

            await copy.CompleteAsync(ct);
        }

        // New rows start as drafts, as the entity's constructor makes them; publication decides their state afterwards.
        // Whether an edit withdraws an admin's earlier "correctly classified" is ListingContent.ChangeFrom's to say.
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
                    misclassification_cleared = l.misclassification_cleared AND r.keeps_clearance
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
        insert.Parameters.AddWithValue("types", attach.Select(a => PhotoKeys.ContentTypeOf(a.Name)).ToArray());
        insert.Parameters.AddWithValue("positions", attach.Select(a => a.Position).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    private async Task InsertProblemsAsync(long importId, IReadOnlyList<CsvProblem> problems, CancellationToken ct)
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

    /// <summary>
    /// Progress goes on its own connection, outside the import's transaction, so other nodes' pages see it at once. It is
    /// a courtesy to the page: a write lost to the database going away never ends the attempt.
    /// </summary>
    private async Task ReportAsync(long importId, int done, int total, CancellationToken ct)
    {
        try
        {
            await using var command = data.CreateCommand("UPDATE listing_imports SET checked_rows = @done, total_rows = @total WHERE id = @id");
            command.Parameters.AddWithValue("done", done);
            command.Parameters.AddWithValue("total", total);
            command.Parameters.AddWithValue("id", importId);
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (Hosting.DatabaseOutage.IsOutage(e) && !ct.IsCancellationRequested)
        {
            logger.LogDebug("Progress of import {ImportId} not written: the database is away", importId);
        }
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
        bool UnchangedSinceUpload, bool HasPhotos, bool HasVariants, ParcelSize Parcel)
    {
        public ListingContent Content => new(CategoryId, Title, Description, Price, Stock, Origin, TkdnPercent);
    }

    private sealed record StoredVariant(string Label, Rupiah Price, int Stock);

    /// <summary>What one run of the import's writing did, or would do: the counts, the problems and each listing's outcome.</summary>
    private sealed record ImportOutcome(
        int Created, int Updated, int Unchanged, int Invalid, int Published, int NotPublished, int Skipped, IReadOnlyList<CsvProblem> Problems,
        IReadOnlyList<RowOutcome> Rows, bool SuspendsShop);

    /// <summary>One listing of the file and its outcome, with the reason: a resource key, or the policy's messages in both languages.</summary>
    private sealed record RowOutcome(CsvEntry Entry, ImportRowOutcome Outcome, string? ReasonKey, string? ReasonId = null, string? ReasonEn = null, bool EarnsStrike = false)
    {
        public static RowOutcome Of(CsvEntry entry, PublicationResult decision)
        {
            var outcome = decision.State switch
            {
                ListingState.Published => ImportRowOutcome.Publish,
                ListingState.PendingReview => ImportRowOutcome.Hold,
                ListingState.Draft => ImportRowOutcome.Draft,
                _ => ImportRowOutcome.Refuse,
            };
            IReadOnlyList<PolicyReason> reasons = outcome == ImportRowOutcome.Publish ? [] : decision.Verdict.Reasons;
            return new RowOutcome(
                entry,
                outcome,
                null,
                reasons.Count == 0 ? null : string.Join(' ', reasons.Select(r => r.MessageId)),
                reasons.Count == 0 ? null : string.Join(' ', reasons.Select(r => r.MessageEn)),
                StrikeRules.Earns(DecisionTrigger.CsvImport, decision.Verdict));
        }
    }
}
