using System.Diagnostics;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Verification;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Verification;

/// <summary>Local shops that ask to be verified, the sandbox registry's records about them, and the requests they send.</summary>
public sealed class RegistryDesk(MarketplaceApp app)
{
    private static int _nib;

    public PolicyScenario Scenario { get; } = new(app);

    /// <summary>A 13-digit NIB no other test uses.</summary>
    public static string NextNib() => $"81{Environment.ProcessId % 1000:D3}{Interlocked.Increment(ref _nib):D8}";

    /// <summary>An unverified local shop in Jawa Barat with a signed-in browser; its name is what the registry is matched against.</summary>
    public async Task<(int SellerId, string StoreName, HttpClient Client)> LocalShopAsync(string? phone = null)
    {
        var (sellerId, email) = await Scenario.CreateSellerWithLoginAsync(SellerOrigin.Local, verified: false);
        var name = await Scenario.WithDbAsync(async db =>
        {
            var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId);
            if (phone is not null)
            {
                seller.SetContact(email, phone);
                await db.SaveChangesAsync();
            }

            return seller.StoreName;
        });
        return (sellerId, name, await TestUsers.SignedInClientAsync(app, email));
    }

    public async Task RegisterAsync(BusinessRegistration registration)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SandboxRegistry>().PutAsync(registration, CancellationToken.None);
    }

    /// <summary>Sends the request with an NIB and no documents, as an honest shop does; returns the response and how long the whole request took.</summary>
    public static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> SendNibAsync(HttpClient client, string nib, string province = "Jawa Barat", string? owner = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Nib"] = nib,
            ["Input.OwnerName"] = owner ?? string.Empty,
            ["Input.Address"] = "Jl. Braga No. 7",
            ["Input.City"] = "Bandung",
            ["Input.Province"] = province,
            ["Input.PostalCode"] = "40111",
        };
        var started = Stopwatch.GetTimestamp();
        var response = await SellerPortal.PostMultipartAsync(client, "/Seller/Verification", "/Seller/Verification", fields, []);
        return (response, Stopwatch.GetElapsedTime(started));
    }

    public Task<OriginEvidence> EvidenceAsync(int sellerId) =>
        Scenario.WithDbAsync(db => db.OriginEvidence.AsNoTracking().Include(e => e.Findings).Where(e => e.SellerId == sellerId).OrderByDescending(e => e.Id).FirstAsync());

    public Task<Seller> ShopAsync(int sellerId) => Scenario.WithDbAsync(db => db.Sellers.AsNoTracking().SingleAsync(s => s.Id == sellerId));
}
