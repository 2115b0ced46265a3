using Marketplace.Web.Features.Orders;
using Marketplace.Web.Identity;

namespace Marketplace.Web.Features.AfterDelivery;

public static class AfterDeliveryServices
{
    public static IServiceCollection AddAfterDelivery(this IServiceCollection services)
    {
        services.AddScoped<PartReceipts>();
        services.AddScoped<Complaints>();
        services.AddScoped<AfterDeliverySweeps>();
        services.AddHostedService<AfterDeliveryJob>();
        return services;
    }

    public static WebApplication MapAfterDelivery(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/complaints/{id:long}/photos/{index:int}", ComplaintPhotoAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>A complaint's photo, only for the shopper, the seller concerned and admins; anyone else reads not found.</summary>
    private static async Task<IResult> ComplaintPhotoAsync(long id, int index, HttpContext http, Complaints complaints, CancellationToken cancellationToken)
    {
        var userId = CartService.ShopperId(http.User);
        var photo = userId is null ? null : await complaints.PhotoAsync(id, index, userId, http.User.IsInRole(Roles.Admin), cancellationToken);
        return photo is null ? Results.NotFound() : Results.Stream(photo.Content, photo.ContentType);
    }
}
