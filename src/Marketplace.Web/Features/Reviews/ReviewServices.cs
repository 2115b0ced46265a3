namespace Marketplace.Web.Features.Reviews;

public static class ReviewServices
{
    /// <summary>Buyers' reviews: writing them, showing them on product pages, and the admins' moderation.</summary>
    public static IServiceCollection AddProductReviews(this IServiceCollection services)
    {
        services.AddScoped<ProductReviews>();
        services.AddScoped<ReviewModeration>();
        return services;
    }

    public static WebApplication MapProductReviews(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ReviewImageEndpoint.Path + "/{name}", ReviewImageEndpoint.ServeAsync).ExcludeFromDescription();
        return app;
    }
}
