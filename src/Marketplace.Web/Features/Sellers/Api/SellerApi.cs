using System.Globalization;
using System.Security.Claims;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Sellers.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>A listing as a seller's own system sends it. The SKU is ignored on update: it is the listing's key.</summary>
/// <param name="Variants">
/// Sizes or colours, each with its own price and stock, replacing the listing's variants: send an existing variant's id to
/// change it (carts holding it keep it), leave the id out to add one; variants not sent are removed, and an empty list
/// removes them all. With variants, price and stock may be left out: the listing's are the lowest variant price and the
/// total stock. Null (left out) keeps the variants as they are, and with them the listing's price and stock.
/// </param>
public sealed record ListingRequest(
    string? Sku, string? Category, string? Title, string? Description, long? Price, int? Stock, decimal? TkdnPercent, string? Origin, bool Publish = false,
    IReadOnlyList<VariantRequest>? Variants = null, IReadOnlyList<string>? Images = null, int? WeightGrams = null, int? LengthCm = null, int? WidthCm = null,
    int? HeightCm = null)
{
    /// <summary>
    /// Photos to add, each a JPEG, PNG or WebP file in base64, checked and re-encoded as a form upload is; a listing is
    /// published only with at least one photo.
    /// </summary>
    public IReadOnlyList<string> ImagesOrNone => Images ?? [];

    public ListingFields ToFields() => new(
        Sku,
        Category,
        Title,
        Description,
        Price?.ToString(CultureInfo.InvariantCulture),
        Stock?.ToString(CultureInfo.InvariantCulture),
        TkdnPercent?.ToString(CultureInfo.InvariantCulture),
        Origin,
        Variants?.Select(v => new VariantFields(
            v.Id, v.Name1, v.Value1, v.Name2, v.Value2, v.Price?.ToString(CultureInfo.InvariantCulture), v.Stock?.ToString(CultureInfo.InvariantCulture))).ToList(),
        new ParcelFields(
            WeightGrams?.ToString(CultureInfo.InvariantCulture), LengthCm?.ToString(CultureInfo.InvariantCulture), WidthCm?.ToString(CultureInfo.InvariantCulture),
            HeightCm?.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>One variant: one or two options (name and value, such as "Ukuran": "M"), a price in whole rupiah and a stock.</summary>
/// <param name="Id">An existing variant of the listing to change; null adds a variant.</param>
public sealed record VariantRequest(long? Id, string? Name1, string? Value1, string? Name2, string? Value2, long? Price, int? Stock);

/// <param name="Label">How shoppers, orders and shipping labels name the variant: "Ukuran: M / Warna: Merah".</param>
public sealed record VariantResponse(long Id, string Name1, string Value1, string? Name2, string? Value2, string Label, long Price, int Stock);

public sealed record DecisionResponse(string Outcome, IReadOnlyList<string> ReasonCodes, string? ReasonId, string? ReasonEn);

/// <param name="Price">With variants, the lowest variant price.</param>
/// <param name="Stock">With variants, their stock together.</param>
/// <param name="Version">The content version its ETag carries.</param>
/// <param name="Variants">The listing's variants in the seller's order; empty for a listing sold as one thing.</param>
public sealed record ListingResponse(
    long Id, string Sku, string Category, string Title, string Description, long Price, int Stock, decimal? TkdnPercent, string Origin,
    string State, DateTimeOffset StateChangedAt, DecisionResponse? Decision, IReadOnlyList<string> Images, IReadOnlyList<VariantResponse> Variants, int Version,
    int WeightGrams, int? LengthCm, int? WidthCm, int? HeightCm);

/// <summary>
/// What a create or update would do (<c>?dry_run=true</c>), with nothing saved: the state the listing would reach, the
/// policy's decision, and whether it would earn the shop a strike and suspend it.
/// </summary>
public sealed record DryRunResponse(string State, DecisionResponse? Decision, bool EarnsStrike, int ActiveStrikes, int StrikesToSuspend, bool SuspendsShop)
{
    public static DryRunResponse Of(ListingPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var verdict = preview.Outcome.Verdict;
        var reason = verdict is { Reasons.Count: > 0 } ? verdict.Reasons[0] : null;
        return new DryRunResponse(
            preview.Outcome.State?.ToString() ?? string.Empty,
            verdict is null ? null : new DecisionResponse(verdict.Outcome.ToString(), verdict.ReasonCodes, reason?.MessageId, reason?.MessageEn),
            preview.EarnsStrike,
            preview.ActiveStrikes,
            preview.StrikesToSuspend,
            preview.SuspendsShop);
    }
}

public sealed record ListingPageResponse(IReadOnlyList<ListingResponse> Items, int Total, int Page, int PageSize);

/// <param name="VariantLabel">The variant ordered, as it was named then; null for a listing without variants.</param>
public sealed record OrderLineResponse(
    long LineId, string OrderNumber, DateTimeOffset PlacedAt, long ListingId, string Title, int Quantity, long UnitPrice, long LineTotal, string Status, string? TrackingNumber,
    string? VariantLabel);

/// <summary>
/// The seller API under <c>/api/v1/seller/</c>: the same listing rules and the same policy service as the portal's
/// forms, authenticated by personal access token, rate limited per token, errors as problem details (RFC 9457).
/// Another shop's ids are 404, as ids that do not exist. A listing's ETag is its content version: an update must send
/// it back in If-Match (428 without it, 412 when the listing changed since), so two writers never silently undo each other.
/// </summary>
internal static class SellerApi
{
    public const string ReadPolicy = "SellerApi";
    public const string WritePolicy = "SellerApiWrite";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/seller")
            .RequireAuthorization(ReadPolicy)
            .AddEndpointFilter<SellerApiRateLimit>()
            .WithTags("Seller API");

        api.MapGet("/listings", ListAsync).WithName("ListListings");
        api.MapGet("/listings/{id:long}", GetAsync).WithName("GetListing");
        api.MapPost("/listings", CreateAsync).RequireAuthorization(WritePolicy).AddEndpointFilter<ShopMustBeWritable>().WithName("CreateListing");
        api.MapPut("/listings/{id:long}", UpdateAsync).RequireAuthorization(WritePolicy).AddEndpointFilter<ShopMustBeWritable>().WithName("UpdateListing");
        api.MapPost("/listings/{id:long}/publish", PublishAsync).RequireAuthorization(WritePolicy).AddEndpointFilter<ShopMustBeWritable>().WithName("PublishListing");
        api.MapPost("/listings/{id:long}/archive", ArchiveAsync).RequireAuthorization(WritePolicy).AddEndpointFilter<ShopMustBeWritable>().WithName("ArchiveListing");
        api.MapGet("/orders", OrdersAsync).WithName("ListOrderLines");
    }

    private static async Task<Results<Ok<ListingPageResponse>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, SellerListings listings, MarketplaceDbContext db, string? state, string? q, int? page, CancellationToken cancellationToken)
    {
        ListingState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<ListingState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown state.", detail: string.Join(", ", Enum.GetNames<ListingState>()));
            }

            wanted = parsed;
        }

        var table = await listings.TableAsync(SellerId(user), wanted, q, page ?? 1, cancellationToken);
        var items = await DescribeAsync(SellerId(user), table.Rows.Select(r => r.Id).ToList(), db, cancellationToken);
        return TypedResults.Ok(new ListingPageResponse(items, table.Total, table.Page, table.PageSize));
    }

    private static async Task<Results<Ok<ListingResponse>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, MarketplaceDbContext db, HttpResponse response, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await DescribeAsync(SellerId(user), id, db, cancellationToken) is { } listing ? Tagged(response, listing) : NotFound(text);

    private static async Task<Results<Created<ListingResponse>, Ok<DryRunResponse>, ValidationProblem>> CreateAsync(
        ListingRequest request, ClaimsPrincipal user, SellerListings listings, ImageStore images, MarketplaceDbContext db, HttpResponse response,
        IStringLocalizer<SharedResource> text, [FromQuery(Name = "dry_run")] bool? dryRun, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == SellerId(user), cancellationToken);
        var (photos, refused) = await StoreImagesAsync(request, seller.Id, images, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (dryRun == true)
        {
            var preview = (await listings.PreviewAsync(seller, null, request.ToFields(), photos, request.Publish, DecisionTrigger.SellerApi, Actor(user), null, cancellationToken))!;
            await DiscardAsync(images, photos);
            return preview.Outcome.ListingId is null ? Invalid(preview.Outcome, text) : TypedResults.Ok(DryRunResponse.Of(preview));
        }

        var saved = await listings.SaveAsync(seller, null, request.ToFields(), photos, request.Publish, DecisionTrigger.SellerApi, Actor(user), expectedVersion: null, cancellationToken);
        if (saved!.ListingId is not { } id)
        {
            await DiscardAsync(images, photos);
            return Invalid(saved, text);
        }

        var listing = (await DescribeAsync(seller.Id, id, db, cancellationToken))!;
        response.Headers.ETag = ListingETag.Of(listing.Version);
        return TypedResults.Created($"/api/v1/seller/listings/{id}", listing);
    }

    private static async Task<Results<Ok<ListingResponse>, Ok<DryRunResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, ListingRequest request, ClaimsPrincipal user, SellerListings listings, ImageStore images, MarketplaceDbContext db, HttpRequest http,
        IStringLocalizer<SharedResource> text, [FromQuery(Name = "dry_run")] bool? dryRun, CancellationToken cancellationToken)
    {
        var ifMatch = ListingETag.Read(http.Headers.IfMatch);
        if (ifMatch.Missing)
        {
            return await listings.FindAsync(SellerId(user), id, cancellationToken) is null
                ? NotFound(text)
                : TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: text["Api.IfMatchRequired"]);
        }

        // SaveAsync compares the version, and the policy compares it again under the row lock; a tag naming no version never matches.
        var expected = ifMatch.Any ? (int?)null : ifMatch.Version ?? -1;
        var seller = await db.Sellers.AsNoTracking().SingleAsync(s => s.Id == SellerId(user), cancellationToken);
        if (!await db.Listings.AnyAsync(l => l.Id == id && l.SellerId == seller.Id, cancellationToken))
        {
            return NotFound(text);
        }

        var (photos, refused) = await StoreImagesAsync(request, seller.Id, images, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (dryRun == true)
        {
            var preview = await listings.PreviewAsync(seller, id, request.ToFields(), photos, request.Publish, DecisionTrigger.SellerApi, Actor(user), expected, cancellationToken);
            await DiscardAsync(images, photos);
            return preview is null ? NotFound(text)
                : preview.Outcome.Stale ? Stale(http.HttpContext.Response, (await DescribeAsync(seller.Id, id, db, cancellationToken))!.Version, text)
                : preview.Outcome.ListingId is null ? Invalid(preview.Outcome, text)
                : TypedResults.Ok(DryRunResponse.Of(preview));
        }

        var saved = await listings.SaveAsync(seller, id, request.ToFields(), photos, request.Publish, DecisionTrigger.SellerApi, Actor(user), expected, cancellationToken);
        if (saved?.ListingId is null)
        {
            await DiscardAsync(images, photos);
        }

        if (saved is null)
        {
            return NotFound(text);
        }

        if (saved.Stale)
        {
            var now = (await DescribeAsync(seller.Id, id, db, cancellationToken))!;
            return Stale(http.HttpContext.Response, now.Version, text);
        }

        return saved.ListingId is null ? Invalid(saved, text) : Tagged(http.HttpContext.Response, (await DescribeAsync(seller.Id, id, db, cancellationToken))!);
    }

    private static Ok<ListingResponse> Tagged(HttpResponse response, ListingResponse listing)
    {
        response.Headers.ETag = ListingETag.Of(listing.Version);
        return TypedResults.Ok(listing);
    }

    private static ProblemHttpResult Stale(HttpResponse response, int currentVersion, IStringLocalizer text)
    {
        response.Headers.ETag = ListingETag.Of(currentVersion);
        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: text["Api.ChangedSince"], type: "urn:marketplace:listing.changed_since");
    }

    private static async Task<Results<Ok<ListingResponse>, ProblemHttpResult>> PublishAsync(
        long id, ClaimsPrincipal user, SellerListings listings, MarketplaceDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        try
        {
            if (await listings.PublishAsync(SellerId(user), id, DecisionTrigger.SellerApi, Actor(user), cancellationToken) is null)
            {
                return NotFound(text);
            }
        }
        catch (DomainException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text.Describe(e), type: "urn:marketplace:" + e.Code);
        }

        return TypedResults.Ok((await DescribeAsync(SellerId(user), id, db, cancellationToken))!);
    }

    private static async Task<Results<Ok<ListingResponse>, ProblemHttpResult>> ArchiveAsync(
        long id, ClaimsPrincipal user, SellerListings listings, MarketplaceDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        try
        {
            if (!await listings.ArchiveAsync(SellerId(user), id, cancellationToken))
            {
                return NotFound(text);
            }
        }
        catch (DomainException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text.Describe(e), type: "urn:marketplace:" + e.Code);
        }

        return TypedResults.Ok((await DescribeAsync(SellerId(user), id, db, cancellationToken))!);
    }

    private static async Task<Ok<List<OrderLineResponse>>> OrdersAsync(ClaimsPrincipal user, SellerOrders orders, string? status, CancellationToken cancellationToken)
    {
        OrderLineStatus? wanted = Enum.TryParse<OrderLineStatus>(status, ignoreCase: true, out var parsed) ? parsed : null;
        var lines = await orders.LinesAsync(SellerId(user), wanted, cancellationToken);
        return TypedResults.Ok(lines.Select(l => new OrderLineResponse(
            l.LineId, l.OrderNumber, l.PlacedAt, l.ListingId, l.Title, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount, l.Status.ToString(), l.TrackingNumber, l.VariantLabel)).ToList());
    }

    private static async Task<ListingResponse?> DescribeAsync(int sellerId, long id, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        (await DescribeAsync(sellerId, [id], db, cancellationToken)).SingleOrDefault();

    /// <summary>The listings of the seller among <paramref name="ids"/>, in that order, in a fixed number of queries however many there are.</summary>
    private static async Task<List<ListingResponse>> DescribeAsync(int sellerId, IReadOnlyCollection<long> ids, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Listings.AsNoTracking().Include(l => l.Images).Include(l => l.Variants)
            .Where(l => l.SellerId == sellerId && ids.Contains(l.Id))
            .Join(db.Categories, l => l.CategoryId, c => c.Id, (l, c) => new { Listing = l, Category = c.Slug })
            .ToDictionaryAsync(x => x.Listing.Id, cancellationToken);
        var decisions = await db.PolicyDecisions.AsNoTracking()
            .Where(d => found.Keys.Contains(d.ListingId) && d.Id == db.PolicyDecisions.Where(x => x.ListingId == d.ListingId).Max(x => x.Id))
            .ToDictionaryAsync(d => d.ListingId, cancellationToken);
        return ids.Where(found.ContainsKey).Select(id =>
        {
            var (listing, category) = (found[id].Listing, found[id].Category);
            var decision = decisions.GetValueOrDefault(id);
            return new ListingResponse(
                listing.Id,
                listing.Sku,
                category,
                listing.Title,
                listing.Description,
                listing.Price.Amount,
                listing.Stock,
                listing.TkdnPercent,
                ListingInputChecks.OriginText(listing.Origin),
                listing.State.ToString(),
                listing.StateChangedAt,
                decision is null ? null : new DecisionResponse(decision.Outcome.ToString(), decision.ReasonCodes, decision.MessageId, decision.MessageEn),
                listing.Images.OrderBy(i => i.Position).Select(i => "/images/" + i.StoredName).ToList(),
                listing.Variants.OrderBy(v => v.Position)
                    .Select(v => new VariantResponse(v.Id, v.Name1, v.Value1, v.Name2, v.Value2, v.Label, v.Price.Amount, v.Stock)).ToList(),
                listing.Version,
                listing.WeightGrams,
                listing.LengthCm,
                listing.WidthCm,
                listing.HeightCm);
        }).ToList();
    }

    /// <summary>The request's photos through the upload's checks; the first one refused answers for the request.</summary>
    private static async Task<(List<StoredImage> Stored, ValidationProblem? Refused)> StoreImagesAsync(
        ListingRequest request, int sellerId, ImageStore images, IStringLocalizer text, CancellationToken cancellationToken)
    {
        var stored = new List<StoredImage>();
        if (request.ImagesOrNone.Count > Listing.MaxImages)
        {
            return (stored, ImagesProblem(text, "Seller.Image.TooMany", string.Empty));
        }

        for (var i = 0; i < request.ImagesOrNone.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"images[{i}]");
            var bytes = new byte[request.ImagesOrNone[i]?.Length ?? 0];
            if (!Convert.TryFromBase64String(request.ImagesOrNone[i] ?? string.Empty, bytes, out var length))
            {
                await DiscardAsync(images, stored);
                return ([], ImagesProblem(text, "Seller.Image.NotAnImage", name));
            }

            var saved = await images.SaveAsync(name, bytes[..length], sellerId, cancellationToken);
            if (saved.Image is null)
            {
                await DiscardAsync(images, stored);
                return ([], ImagesProblem(text, saved.ProblemKey!, name));
            }

            stored.Add(saved.Image);
        }

        return (stored, null);
    }

    /// <summary>Photos stored for a request that attached them to nothing (a dry run, a refused save) leave no file or fingerprint behind.</summary>
    private static Task DiscardAsync(ImageStore images, IReadOnlyList<StoredImage> photos) =>
        images.DeleteAsync(photos.Select(p => p.Name).ToList(), CancellationToken.None);

    private static ValidationProblem ImagesProblem(IStringLocalizer text, string key, string name) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["images"] = [text[key, name]] }, title: text["Api.Invalid"]);

    private static ValidationProblem Invalid(ListingSaveResult saved, IStringLocalizer text) =>
        TypedResults.ValidationProblem(
            saved.Problems.GroupBy(p => p.Field.Length == 0 ? "listing" : p.Field).ToDictionary(g => g.Key, g => g.Select(p => text.Problem(p.Key)).ToArray()),
            title: text["Api.Invalid"]);

    private static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Api.NotFound"]);

    private static int SellerId(ClaimsPrincipal user) =>
        int.Parse(user.FindFirst(SellerTokenAuthentication.SellerIdClaim)!.Value, CultureInfo.InvariantCulture);

    private static string Actor(ClaimsPrincipal user) => "api:" + (user.Identity?.Name ?? "seller");
}
