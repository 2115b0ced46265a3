using Marketplace.Web.Features.Admin.Audit;
using Marketplace.Web.Features.Admin.Categories;
using Marketplace.Web.Features.Admin.Clusters;
using Marketplace.Web.Features.Admin.Dashboard;
using Marketplace.Web.Features.Admin.Review;
using Marketplace.Web.Features.Admin.Rules;
using Marketplace.Web.Features.Admin.Sellers;
using Marketplace.Web.Features.Admin.Verification;
using Marketplace.Web.Features.Common;

namespace Marketplace.Web.Features.Admin;

public static class AdminServices
{
    public static IServiceCollection AddAdminConsole(this IServiceCollection services)
    {
        services.AddScoped<AdminActionLog>();
        services.AddScoped<ClusterConsole>();
        services.AddScoped<CategoryConsole>();
        services.AddScoped<RuleConsole>();
        services.AddScoped<ListingReview>();
        services.AddScoped<SellerConsole>();
        services.AddScoped<OriginVerifications>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<DashboardFigures>();
        return services;
    }
}
