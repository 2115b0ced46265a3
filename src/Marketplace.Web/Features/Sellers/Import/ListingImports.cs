using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sellers.Import;

public sealed record ImportSummary(
    long Id, string FileName, ListingImportStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, int TotalRows, int CheckedRows,
    int CreatedCount, int UpdatedCount, int UnchangedCount, int InvalidCount, int PublishedCount, int NotPublishedCount, int SkippedCount, string? FailureKey,
    bool Confirmed, bool SuspendsShop, bool WaitingForDatabase)
{
    public ListingImportStage Stage => ListingImport.StageOf(Status, Confirmed);
}

/// <summary>
/// What an upload's listings would do (its preview) or did (once imported): how many of each outcome, how many strikes,
/// and the first rows to show, those that cost the seller first.
/// </summary>
public sealed record ImportOutcomes(IReadOnlyList<(ImportRowOutcome Outcome, int Count)> Counts, int Strikes, IReadOnlyList<ListingImportRow> Rows, int Total);

/// <summary>A seller's imports: queueing an upload, reading progress and problems, always within the seller's own shop.</summary>
public sealed class ListingImports(MarketplaceDbContext db, TimeProvider clock, IConfiguration configuration, JobLeases leases)
{
    public const int ProblemsShown = 200;

    public const int RowsShown = 200;

    public long MaxFileBytes => configuration.GetValue("Imports:MaxFileBytes", 30L * 1024 * 1024);

    public int MaxRows => configuration.GetValue("Imports:MaxRows", 50_000);

    public PackageLimits PackageLimits => PackageLimits.From(configuration);

    /// <summary>
    /// Queues the upload (a CSV, or a ZIP of a CSV and photos) with the content version of every listing of the shop as
    /// it stands now, in one transaction. A ZIP that cannot be opened safely is refused at once with the reason's key.
    /// </summary>
    public async Task<(long? ImportId, string? FailureKey)> QueueAsync(int sellerId, string fileName, byte[] content, string actor, CancellationToken cancellationToken)
    {
        var (package, failure) = ImportPackage.Open(content, PackageLimits);
        if (package is null)
        {
            return (null, failure);
        }

        int estimate;
        using (package)
        {
            estimate = EstimatedRows(package.Sheet);
        }

        var import = new ListingImport(sellerId, fileName, content, actor, clock.GetUtcNow(), estimate);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ListingImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO listing_import_baselines (import_id, listing_id, version) SELECT {import.Id}, id, version FROM listings WHERE seller_id = {sellerId}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (import.Id, null);
    }

    /// <summary>Queues a failed import of the seller's again, with fresh attempts; false when there is no such failed import.</summary>
    public async Task<bool> RetryAsync(int sellerId, long importId, CancellationToken cancellationToken) =>
        await db.ListingImports
            .Where(i => i.Id == importId && i.SellerId == sellerId && i.Status == ListingImportStatus.Failed)
            .ExecuteUpdateAsync(
                i => i.SetProperty(x => x.Status, ListingImportStatus.Queued).SetProperty(x => x.Attempts, 0).SetProperty(x => x.FailureKey, (string?)null)
                    .SetProperty(x => x.FinishedAt, (DateTimeOffset?)null).SetProperty(x => x.CheckedRows, 0),
                cancellationToken) == 1;

    /// <summary>
    /// The seller confirms a preview: the upload is queued again, now as the import, with fresh attempts. The import
    /// decides every row itself when it runs; false when the upload is not the seller's or not waiting for confirmation.
    /// </summary>
    public async Task<bool> ConfirmAsync(int sellerId, long importId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.ListingImports
            .Where(i => i.Id == importId && i.SellerId == sellerId && i.Status == ListingImportStatus.PreviewReady)
            .ExecuteUpdateAsync(
                i => i.SetProperty(x => x.Status, ListingImportStatus.Queued).SetProperty(x => x.ConfirmedAt, now).SetProperty(x => x.Attempts, 0)
                    .SetProperty(x => x.CheckedRows, 0).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken) == 1;
    }

    /// <summary>The seller cancels after the preview: nothing of the file is written; false when there is no such preview.</summary>
    public async Task<bool> CancelAsync(int sellerId, long importId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.ListingImports
            .Where(i => i.Id == importId && i.SellerId == sellerId && i.Status == ListingImportStatus.PreviewReady)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.Status, ListingImportStatus.Cancelled).SetProperty(x => x.FinishedAt, (DateTimeOffset?)now), cancellationToken) == 1;
    }

    /// <summary>The outcomes of an upload already found to be the seller's (<see cref="FindAsync"/>).</summary>
    public async Task<ImportOutcomes> OutcomesAsync(long importId, CancellationToken cancellationToken)
    {
        var rows = db.ListingImportRows.AsNoTracking().Where(r => r.ImportId == importId);
        var counts = await rows.GroupBy(r => r.Outcome)
            .Select(g => new { g.Key, Count = g.Count(), Strikes = g.Count(r => r.EarnsStrike) })
            .ToListAsync(cancellationToken);
        var shown = await rows.OrderBy(r => r.Outcome).ThenByDescending(r => r.EarnsStrike).ThenBy(r => r.RowNumber).Take(RowsShown).ToListAsync(cancellationToken);
        return new ImportOutcomes(
            Enum.GetValues<ImportRowOutcome>().Select(o => (o, counts.SingleOrDefault(c => c.Key == o)?.Count ?? 0)).ToList(),
            counts.Sum(c => c.Strikes),
            shown,
            counts.Sum(c => c.Count));
    }

    /// <summary>Every listing's outcome as a CSV in the reader's language, formula cells neutralised; null when the upload is not the seller's.</summary>
    public async Task<byte[]?> OutcomeReportAsync(int sellerId, long importId, IStringLocalizer text, bool indonesian, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (await FindAsync(sellerId, importId, cancellationToken) is null)
        {
            return null;
        }

        var rows = await db.ListingImportRows.AsNoTracking().Where(r => r.ImportId == importId).OrderBy(r => r.RowNumber).ToListAsync(cancellationToken);
        return ListingCsv.Write(
            [text["Csv.Report.Row"], "sku", text["Csv.Outcome.Title"], text["Csv.Outcome.Heading"], text["Csv.Outcome.Strike"], text["Csv.Outcome.Reason"]],
            rows.Select(r => new[]
            {
                r.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Sku, r.Title, text["Csv.Outcome." + r.Outcome].Value,
                r.EarnsStrike ? text["Csv.Outcome.StrikeYes"].Value : string.Empty, r.ReasonKey is { } key ? text[key].Value : r.Reason(indonesian) ?? string.Empty,
            }));
    }

    /// <summary>Lines after the header, so progress counts rows from the first moment; the reader corrects it for quoted line breaks.</summary>
    private static int EstimatedRows(byte[] content) =>
        Math.Max(0, content.AsSpan().Count((byte)'\n') + (content.Length > 0 && content[^1] != (byte)'\n' ? 1 : 0) - 1);

    public Task<List<ImportSummary>> RecentAsync(int sellerId, CancellationToken cancellationToken) =>
        Summaries(db.ListingImports.Where(i => i.SellerId == sellerId).OrderByDescending(i => i.Id).Take(20)).ToListAsync(cancellationToken);

    public Task<ImportSummary?> FindAsync(int sellerId, long importId, CancellationToken cancellationToken) =>
        Summaries(db.ListingImports.Where(i => i.SellerId == sellerId && i.Id == importId)).SingleOrDefaultAsync(cancellationToken);

    public Task<List<ListingImportProblem>> ProblemsAsync(long importId, int? take, CancellationToken cancellationToken)
    {
        var query = db.ListingImportProblems.AsNoTracking().Where(p => p.ImportId == importId).OrderBy(p => p.RowNumber).ThenBy(p => p.Id);
        return (take is { } n ? query.Take(n) : query).ToListAsync(cancellationToken);
    }

    /// <summary>The problems as a CSV in the reader's language, formula cells neutralised.</summary>
    public async Task<byte[]?> ProblemReportAsync(int sellerId, long importId, IStringLocalizer text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (await FindAsync(sellerId, importId, cancellationToken) is null)
        {
            return null;
        }

        var problems = await ProblemsAsync(importId, null, cancellationToken);
        return ListingCsv.Write(
            [text["Csv.Report.Row"], text["Csv.Report.Column"], text["Csv.Report.Problem"], text["Csv.Report.Value"]],
            problems.Select(p => new[] { p.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Column, text[p.ProblemKey, p.Value].Value, p.Value }));
    }

    /// <summary>
    /// The uploads as their pages show them. A running job whose lease missed two heartbeats lost its database: the seller
    /// reads that it waits for the database, not a progress bar standing still.
    /// </summary>
    private IQueryable<ImportSummary> Summaries(IQueryable<ListingImport> imports)
    {
        var renewalMissed = clock.GetUtcNow() + leases.Lease - (2 * leases.Heartbeat);
        return imports.AsNoTracking().Select(i => new ImportSummary(
            i.Id, i.FileName, i.Status, i.CreatedAt, i.FinishedAt, i.TotalRows, i.CheckedRows, i.CreatedCount, i.UpdatedCount, i.UnchangedCount,
            i.InvalidCount, i.PublishedCount, i.NotPublishedCount, i.SkippedCount, i.FailureKey, i.ConfirmedAt != null, i.SuspendsShop,
            i.Status == ListingImportStatus.Running && i.LeaseExpiresAt < renewalMissed));
    }
}
