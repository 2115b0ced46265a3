using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Marketplace.Web.Data.Configurations;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    /// <summary>Shadow column holding the listing's full-text vector, title weighted above description.</summary>
    public const string SearchVector = "SearchVector";

    /// <summary>
    /// Shadow column holding the title's words unstemmed, for prefix matching of partly typed words: the Indonesian stemmer
    /// strips prefixes such as ke- from whole words (keripik is stored as ripik) but not from fragments (kerip).
    /// </summary>
    public const string TitleWords = "TitleWords";

    /// <summary>Shadow columns holding title and description as search reads them, written from C# by <see cref="SearchText.Fold"/>.</summary>
    public const string SearchTitle = "SearchTitle";

    public const string SearchDescription = "SearchDescription";

    private static readonly string PublishedOnly = $"state = {(int)ListingState.Published}";

    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.Ignore(l => l.Parcel);

        builder.Property(l => l.Sku).HasMaxLength(ListingContent.SkuMaxLength);
        builder.Property(l => l.Title).HasMaxLength(ListingContent.TitleMaxLength);
        builder.Property(l => l.Description).HasMaxLength(ListingContent.DescriptionMaxLength);
        builder.IsRupiah(l => l.Price, "price_idr");
        builder.Property(l => l.TkdnPercent).HasPrecision(5, 2);
        builder.Property(l => l.StateNote).HasMaxLength(500);
        builder.Property(l => l.ReasonCodes).HasField("_reasonCodes");
        builder.Property(l => l.RowVersion).IsXminConcurrencyToken();
        builder.Ignore(l => l.Content);
        builder.Ignore(l => l.IsVisibleState);
        builder.Ignore(l => l.StateColumns);

        // Counters kept by orders and reviews; zero by default so that set-based inserts (imports, seeding) need not name them.
        builder.Property(l => l.SoldCount).HasDefaultValue(0);
        builder.Property(l => l.RatingCount).HasDefaultValue(0);
        builder.Property(l => l.RatingSum).HasDefaultValue(0);
        builder.Property<string>(SearchTitle).IsRequired().HasDefaultValue(string.Empty).UseCollation("C");
        builder.Property<string>(SearchDescription).IsRequired().HasDefaultValue(string.Empty);
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('indonesian', search_title), 'A') || setweight(to_tsvector('indonesian', search_description), 'B')",
                stored: true);
        builder.Property<NpgsqlTsVector>(TitleWords)
            .HasComputedColumnSql("to_tsvector('simple', search_title)", stored: true);

        builder.HasMany(l => l.Images).WithOne().HasForeignKey(i => i.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Images).HasField("_images");
        builder.HasMany(l => l.Variants).WithOne().HasForeignKey(v => v.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Variants).HasField("_variants");
        builder.Property(l => l.HasVariants).HasDefaultValue(false);
        builder.HasOne<Seller>().WithMany().HasForeignKey(l => l.SellerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(l => new { l.SellerId, l.Sku }).IsUnique();
        builder.HasIndex(l => new { l.SellerId, l.State, l.UpdatedAt });
        builder.HasIndex(l => new { l.State, l.CategoryId });

        // Storefront browse: newest first, in all or one category, and by price; only live rows are indexed.
        builder.HasIndex(l => new { l.PublishedAt, l.Id }).IsDescending(true, true).HasFilter(PublishedOnly)
            .HasDatabaseName("ix_listings_live_newest");
        builder.HasIndex(l => new { l.CategoryId, l.PublishedAt, l.Id }).IsDescending(false, true, true).HasFilter(PublishedOnly)
            .HasDatabaseName("ix_listings_live_category_newest");
        builder.HasIndex(l => new { l.CategoryId, l.Price, l.Id }).HasFilter(PublishedOnly)
            .HasDatabaseName("ix_listings_live_category_price");
        builder.HasIndex(l => new { l.SellerId, l.PublishedAt }).IsDescending(false, true).HasFilter(PublishedOnly)
            .HasDatabaseName("ix_listings_live_seller_newest");
        // A category page's bounded count (up to 1,001 of a branch's hundreds of thousands) reads this index alone, without the
        // heap: the visibility predicate needs only the seller and the origin. Reading the heap cost 14 ms a page at a million.
        builder.HasIndex(l => l.CategoryId).IncludeProperties(l => new { l.SellerId, l.Origin }).HasFilter(PublishedOnly)
            .HasDatabaseName("ix_listings_live_category_cover");
        // The admins' review queue: waiting listings, oldest first.
        builder.HasIndex(l => new { l.StateChangedAt, l.Id }).HasFilter($"state = {(int)ListingState.PendingReview}").HasDatabaseName("ix_listings_awaiting_review");
        builder.HasIndex(SearchVector).HasMethod("gin").HasDatabaseName("ix_listings_search_vector");
        builder.HasIndex(TitleWords).HasMethod("gin").HasDatabaseName("ix_listings_title_words");

        // Storefront filters and sorts without a category: by price, and a minimum local-content percentage.
        builder.HasIndex(l => new { l.Price, l.Id }).HasFilter(PublishedOnly).HasDatabaseName("ix_listings_live_price");
        // The home page's local shelf orders by TKDN then id: with the id in the index the shelf stops after twelve entries.
        builder.HasIndex(l => new { l.TkdnPercent, l.Id }).IsDescending(true, true).HasFilter(PublishedOnly).HasDatabaseName("ix_listings_live_tkdn");

        // Title suggestions as the shopper types: live titles starting with the typed text, a range of the byte-ordered (collation C) column.
        builder.HasIndex(SearchTitle).HasFilter(PublishedOnly).HasDatabaseName("ix_listings_live_search_title");
    }
}
