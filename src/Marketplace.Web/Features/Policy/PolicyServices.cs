namespace Marketplace.Web.Features.Policy;

public static class PolicyServices
{
    public static IServiceCollection AddListingPolicy(this IServiceCollection services)
    {
        services.AddScoped<ListingPublication>();
        return services;
    }
}
