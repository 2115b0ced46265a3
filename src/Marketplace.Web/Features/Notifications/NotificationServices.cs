namespace Marketplace.Web.Features.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<SiteLinks>();
        services.AddScoped<Notifier>();
        services.AddScoped<Inbox>();
        return services;
    }
}
