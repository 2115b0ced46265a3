using Marketplace.Web;
using Marketplace.Web.Data;
using Marketplace.Web.Features;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.AfterDelivery;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Photos;
using Marketplace.Web.Features.Payouts;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Reviews;
using Marketplace.Web.Features.Sellers;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Features.Verification;
using Marketplace.Web.Hosting;
using Marketplace.Web.Identity;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.AddMarketplaceLogging();
builder.AddMarketplaceTelemetry();
builder.Services.AddGracefulShutdown(builder.Configuration);
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

if (SiteLinks.IsMissingBaseUrl(builder.Configuration, builder.Environment))
{
    await Console.Error.WriteLineAsync("Site__BaseUrl is not set: in production, links in e-mails are built only on the site's public address (for example https://pasar-umkm.id), never on a request's Host header.");
    return 1;
}

string connectionString;
try
{
    connectionString = await DataServices.ResolveConnectionStringAsync(builder);
}
catch (MissingPrerequisiteException e)
{
    // A newcomer's first run: say what to install, without a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

builder.Services.AddMarketplaceData(builder.Configuration, connectionString);
builder.Services.AddMarketplaceIdentity(builder.Configuration);
builder.Services.AddMarketplaceLocalization();
builder.Services.AddLocalizedValidationMessages();
builder.Services.AddRazorPages(options => options.Conventions.AddMarketplaceAuthorization())
    .AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new BooleanFieldBinderProvider()))
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<JobLeases>();
builder.Services.AddStorefront();
builder.Services.AddListingPolicy();
builder.Services.AddAdminConsole();
builder.Services.AddEnforcement(builder.Configuration);
builder.Services.AddSellerPortal();
builder.Services.AddPhotoMatching();
builder.Services.AddPayments();
builder.Services.AddVerification();
builder.Services.AddLedger();
builder.Services.AddPayouts();
builder.Services.AddAfterDelivery();
builder.Services.AddShipping();
builder.Services.AddProductReviews();
builder.Services.AddEmail(builder.Configuration, builder.Environment);
builder.Services.AddNotifications();

var app = builder.Build();

if (await AdminCommand.TryRunAsync(app, args))
{
    return Environment.ExitCode;
}

await app.Services.InitializeDatabaseAsync(app.Configuration);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseMetricsScraping();
app.UseSecurityHeaders();
app.UseMarketplaceRequestLogging();
app.UseMiddleware<ClientOutcomes>();
app.UseStatusCodePagesWithReExecute("/NotFound", "?code={0}");
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseMiddleware<DatabaseOutage>();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<ReadYourWrites>();

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapRazorPages();
app.MapSellerPortal();
app.MapStorefront();
app.MapPayments();
app.MapVerification();
app.MapPayouts();
app.MapAfterDelivery();
app.MapShipping();
app.MapProductReviews();

await app.RunAsync();
return 0;

/// <summary>Entry point, public for <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
