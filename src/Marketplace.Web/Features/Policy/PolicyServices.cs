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
        return services;
    }
}
