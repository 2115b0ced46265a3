namespace Marketplace.Web.Features.Photos;

public static class PhotoServices
{
    public static IServiceCollection AddPhotoMatching(this IServiceCollection services)
    {
        services.AddSingleton<PhotoFingerprints>();
        services.AddSingleton<IPhotoStorage, DatabasePhotoStorage>();
        services.AddSingleton<PhotoLedger>();
        services.AddSingleton<PhotoRemoval>();
        services.AddSingleton<PhotoFolderBackfill>();
        services.AddHostedService<UnattachedPhotoSweep>();
        services.AddScoped<PhotoMatches>();
        services.AddSingleton<PhotoFingerprintBackfill>();
        services.AddHostedService(provider => provider.GetRequiredService<PhotoFingerprintBackfill>());
        return services;
    }
}
