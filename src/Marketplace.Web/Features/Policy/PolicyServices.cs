using Marketplace.Web.Data;
using Marketplace.Web.Features.Sellers;

namespace Marketplace.Web.Features.Policy;

public static class PolicyServices
{
    public static IServiceCollection AddListingPolicy(this IServiceCollection services)
    {
        services.AddScoped<ListingPublication>();
        services.AddScoped<PolicyRuleChanges>();
        services.AddScoped<SellerPolicyNotices>();
        services.AddHostedService<ScheduledBlockSweeper>();
        services.ConfigureDbContext<MarketplaceDbContext>(options => options.AddInterceptors(new DecisionCounts()), ServiceLifetime.Singleton);
        return services;
    }
}
