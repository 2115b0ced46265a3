using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;
using Marketplace.Domain.Notifications;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Reviews;
using Marketplace.Domain.Sellers;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Data.Configurations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Payouts;
using Marketplace.Web.Features.Sellers.Api;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Features.Verification;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <remarks>
/// A schema change is a migration made by the EF Core tools from the repository root:
/// <c>ConnectionStrings__Marketplace="Host=unused" dotnet ef migrations add Name --project src/Marketplace.Web</c>.
/// <c>MigrationsMatchModelTests</c> also compares the migrated catalog with this model.
/// </remarks>
public sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Seller> Sellers => Set<Seller>();

    public DbSet<Listing> Listings => Set<Listing>();

    /// <summary>Every listing with its seller and category, for queries over the facts of <see cref="Domain.Listings.PlacedListings"/>.</summary>
    public IQueryable<PlacedListing> PlacedListings =>
        from listing in Listings
        join seller in Sellers on listing.SellerId equals seller.Id
        join category in Categories on listing.CategoryId equals category.Id
        select new PlacedListing { Listing = listing, Seller = seller, Category = category };

    public DbSet<ListingImage> ListingImages => Set<ListingImage>();

    public DbSet<ListingVariant> ListingVariants => Set<ListingVariant>();

    public DbSet<PhotoFingerprint> PhotoFingerprints => Set<PhotoFingerprint>();

    public DbSet<StoredPhoto> StoredPhotos => Set<StoredPhoto>();

    public DbSet<PhotoBlob> PhotoBlobs => Set<PhotoBlob>();

    public DbSet<OriginEvidence> OriginEvidence => Set<OriginEvidence>();

    public DbSet<ClusterBlock> ClusterBlocks => Set<ClusterBlock>();

    public DbSet<PolicyDecision> PolicyDecisions => Set<PolicyDecision>();

    public DbSet<PolicySettings> PolicySettings => Set<PolicySettings>();

    public DbSet<PolicyFence> PolicyFences => Set<PolicyFence>();

    public DbSet<LexiconTerm> LexiconTerms => Set<LexiconTerm>();


    public DbSet<SellerNotification> SellerNotifications => Set<SellerNotification>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AdminAction> AdminActions => Set<AdminAction>();

    public DbSet<Strike> Strikes => Set<Strike>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<ShopClosure> ShopClosures => Set<ShopClosure>();

    public DbSet<TakedownRequest> TakedownRequests => Set<TakedownRequest>();

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderLineEvent> OrderLineEvents => Set<OrderLineEvent>();

    public DbSet<ProductReview> ProductReviews => Set<ProductReview>();

    public DbSet<PaymentCallback> PaymentCallbacks => Set<PaymentCallback>();

    public DbSet<PaymentRefund> PaymentRefunds => Set<PaymentRefund>();

    public DbSet<SandboxPaymentRefund> SandboxPaymentRefunds => Set<SandboxPaymentRefund>();

    public DbSet<RegistryRecord> RegistryRecords => Set<RegistryRecord>();
    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<TrackingEvent> TrackingEvents => Set<TrackingEvent>();

    public DbSet<TrackingCallback> TrackingCallbacks => Set<TrackingCallback>();

    public DbSet<SandboxParcel> SandboxParcels => Set<SandboxParcel>();

    public DbSet<SavedAddress> SavedAddresses => Set<SavedAddress>();

    public DbSet<SellerApiToken> SellerApiTokens => Set<SellerApiToken>();

    public DbSet<SellerApiUsage> SellerApiUsage => Set<SellerApiUsage>();

    public DbSet<ListingImport> ListingImports => Set<ListingImport>();

    public DbSet<ListingImportProblem> ListingImportProblems => Set<ListingImportProblem>();

    public DbSet<ListingImportBaseline> ListingImportBaselines => Set<ListingImportBaseline>();

    public DbSet<ListingImportRow> ListingImportRows => Set<ListingImportRow>();
    public DbSet<LedgerAccountRow> LedgerAccounts => Set<LedgerAccountRow>();

    public DbSet<LedgerTransactionRow> LedgerTransactions => Set<LedgerTransactionRow>();

    public DbSet<LedgerEntryRow> LedgerEntries => Set<LedgerEntryRow>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<PayoutAccount> PayoutAccounts => Set<PayoutAccount>();

    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<DisbursementCallback> DisbursementCallbacks => Set<DisbursementCallback>();

    public DbSet<SandboxBankAccount> SandboxBankAccounts => Set<SandboxBankAccount>();

    public DbSet<SandboxDisbursement> SandboxDisbursements => Set<SandboxDisbursement>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    public DbSet<AccountMailSend> AccountMailSends => Set<AccountMailSend>();

    public DbSet<SearchRanking> SearchRankings => Set<SearchRanking>();

    public DbSet<SearchWord> SearchWords => Set<SearchWord>();

    public DbSet<SearchRefold> SearchRefolds => Set<SearchRefold>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteSearchText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteSearchText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Listings carry their text as search reads it, folded in C# when written, so search matches what the query folds to.</summary>
    private void WriteSearchText()
    {
        foreach (var entry in ChangeTracker.Entries<Listing>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Property<string>(ListingConfiguration.SearchTitle).CurrentValue = SearchText.Fold(entry.Entity.Title);
            entry.Property<string>(ListingConfiguration.SearchDescription).CurrentValue = SearchText.Fold(entry.Entity.Description);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDbContext).Assembly);
        SnakeCaseNames.Apply(builder.Model);
    }
}
