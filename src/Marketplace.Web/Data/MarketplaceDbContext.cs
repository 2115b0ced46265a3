using Marketplace.Domain.Audit;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Features.Sellers.Api;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <remarks>
/// A schema change is a migration made by the EF Core tools from the repository root:
/// <c>ConnectionStrings__Marketplace="Host=unused" dotnet ef migrations add Name --project src/Marketplace.Web</c>.
/// <c>MigrationsMatchModelTests</c> also compares the migrated catalogue with this model.
/// </remarks>
public sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Seller> Sellers => Set<Seller>();

    public DbSet<Listing> Listings => Set<Listing>();

    public DbSet<ListingImage> ListingImages => Set<ListingImage>();

    public DbSet<ClusterBlock> ClusterBlocks => Set<ClusterBlock>();

    public DbSet<PolicyDecision> PolicyDecisions => Set<PolicyDecision>();

    public DbSet<PolicySettings> PolicySettings => Set<PolicySettings>();

    public DbSet<LexiconTerm> LexiconTerms => Set<LexiconTerm>();

    public DbSet<SellerNotification> SellerNotifications => Set<SellerNotification>();

    public DbSet<AdminAction> AdminActions => Set<AdminAction>();

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderLineEvent> OrderLineEvents => Set<OrderLineEvent>();

    public DbSet<SellerApiToken> SellerApiTokens => Set<SellerApiToken>();

    public DbSet<SellerApiUsage> SellerApiUsage => Set<SellerApiUsage>();

    public DbSet<ListingImport> ListingImports => Set<ListingImport>();

    public DbSet<ListingImportProblem> ListingImportProblems => Set<ListingImportProblem>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDbContext).Assembly);
        SnakeCaseNames.Apply(builder.Model);
    }
}
