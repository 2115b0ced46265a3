using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sellers.Import;

public sealed record ImportSummary(
    long Id, string FileName, ListingImportStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, int TotalRows, int CheckedRows,
    int CreatedCount, int UpdatedCount, int UnchangedCount, int InvalidCount, int PublishedCount, int NotPublishedCount, int SkippedCount, string? FailureKey);

/// <summary>A seller's imports: queueing an upload, reading progress and problems, always within the seller's own shop.</summary>
public sealed class ListingImports(MarketplaceDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const int ProblemsShown = 200;

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
            problems.Select(p => new[] { p.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Column, text[p.ProblemKey].Value, p.Value }));
    }

    private static IQueryable<ImportSummary> Summaries(IQueryable<ListingImport> imports) =>
        imports.AsNoTracking().Select(i => new ImportSummary(
            i.Id, i.FileName, i.Status, i.CreatedAt, i.FinishedAt, i.TotalRows, i.CheckedRows, i.CreatedCount, i.UpdatedCount, i.UnchangedCount,
            i.InvalidCount, i.PublishedCount, i.NotPublishedCount, i.SkippedCount, i.FailureKey));
}
