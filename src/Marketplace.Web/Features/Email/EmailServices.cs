namespace Marketplace.Web.Features.Email;

public static class EmailServices
{
    /// <summary>SMTP through MailKit when Email:Smtp:Host is set; otherwise .eml files in Email:OutboxDirectory.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var settings = configuration.GetSection("Email").Get<EmailSettings>() ?? new EmailSettings();
        services.AddSingleton(settings);
        services.AddSingleton(new PickupFolder(Path.Combine(environment.ContentRootPath, settings.OutboxDirectory)));
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            services.AddSingleton<IEmailTransport, PickupFolderEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }

        services.AddScoped<EmailOutbox>();
        if (settings.SendOnThisNode)
        {
            services.AddHostedService<EmailOutboxWorker>();
        }
        return services;
    }
}
