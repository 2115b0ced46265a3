using Marketplace.Web;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Hosting;
using Marketplace.Web.Identity;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.AddMarketplaceLogging();

var connectionString = await DataServices.ResolveConnectionStringAsync(builder);
builder.Services.AddMarketplaceData(builder.Configuration, connectionString);
builder.Services.AddMarketplaceIdentity(builder.Configuration);
builder.Services.AddMarketplaceLocalization();
builder.Services.AddRazorPages(options => options.Conventions.AddMarketplaceAuthorization())
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<HomePage>();
builder.Services.AddListingPolicy();
builder.Services.AddSellerPortal();

var app = builder.Build();

if (await AdminCommand.TryRunAsync(app, args))
{
    return;
}

await app.Services.InitializeDatabaseAsync(app.Configuration);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseMiddleware<RequestLogging>();
app.UseStatusCodePagesWithReExecute("/NotFound", "?code={0}");
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapRazorPages();
app.MapSellerPortal();

await app.RunAsync();

/// <summary>Entry point, public for <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
