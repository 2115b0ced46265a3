using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Marketplace.Web.Identity;

internal static class IdentityServices
{
    public static IServiceCollection AddMarketplaceIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = configuration.GetValue("Identity:RequireConfirmedAccount", false);
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<MarketplaceDbContext>()
            .AddSignInManager<Features.Enforcement.ClosedShopSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        // Every request compares its cookie's security stamp with the database, so logout, a new password or e-mail,
        // a suspension or an admin's "sign out everywhere" ends the user's sessions on every node at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, QuietSecurityStampValidator>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<Registration>();
        services.AddScoped<PasswordLogin>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<AdminSignIns>();
        services.AddScoped<RoleGrants>();
        services.AddScoped<LoginThrottle>();
        services.AddSingleton(configuration.GetSection("LoginThrottle").Get<LoginThrottleSettings>() ?? new LoginThrottleSettings());
        services.AddScoped<MailThrottle>();
        services.AddSingleton(configuration.GetSection("MailThrottle").Get<MailThrottleSettings>() ?? new MailThrottleSettings());
        services.AddScoped<Reauthentication>();
        services.AddScoped<AccountSecurity>();
        services.AddSingleton<NotMeLink>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "mp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;

            // A signed-in user without the role gets a plain 403 (rendered by the status page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Seller, policy => policy.RequireRole(Roles.Seller))
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>Whole areas are closed by convention, so a new page in them cannot be left open by mistake.</summary>
    public static PageConventionCollection AddMarketplaceAuthorization(this PageConventionCollection conventions)
    {
        conventions.AuthorizeAreaFolder("Seller", "/", Roles.Seller);
        conventions.AuthorizeAreaFolder("Admin", "/", Roles.Admin);
        conventions.AddAreaFolderApplicationModelConvention("Admin", "/", page => page.Filters.Add(new TypeFilterAttribute(typeof(AdminTwoFactorFilter))));
        conventions.AuthorizeFolder("/Orders");
        conventions.AuthorizePage("/Account/Logout");
        conventions.AuthorizeFolder("/Account/Manage");
        conventions.AuthorizePage("/Account/Notifications");
        return conventions;
    }
}
