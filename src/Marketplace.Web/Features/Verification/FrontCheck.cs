using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Verification;

/// <summary>The facts of a shop asking to be local that another shop might share with it.</summary>
public sealed record FrontSubject(int SellerId, IReadOnlyList<string> IdentityNumbers, IReadOnlyList<string> PhoneForms);

/// <summary>
/// Finds the cross-border, closed or suspended shops that share a fact with a shop asking to be local: a foreign trader
/// re-entering as "local" through a front keeps its NIB, its phone or its product photos. Each shared fact is one probe
/// below, the shops that hold the same fact; a new kind (a bank account) is one <see cref="SharedFact"/> value and one probe.
/// </summary>
public sealed class FrontCheck(MarketplaceDbContext db, PhotoMatches photos)
{
    private const int MaxLinks = 10;

    private (SharedFact Fact, Func<CancellationToken, Task<List<int>>> Holders)[] Probes(FrontSubject subject) =>
    [
        (SharedFact.Nib, ct =>
            db.Sellers.Where(s => s.Nib != null && subject.IdentityNumbers.Contains(s.Nib)).Select(s => s.Id)
                .Union(db.OriginEvidence.Where(e => subject.IdentityNumbers.Contains(e.IdentityNumber)).Select(e => e.SellerId))
                .ToListAsync(ct)),
        (SharedFact.Phone, ct =>
            db.Sellers.Where(s => s.ContactPhone != null && subject.PhoneForms.Contains(s.ContactPhone)).Select(s => s.Id).ToListAsync(ct)),
        (SharedFact.ListingPhoto, async ct =>
            (await photos.ShopsSharingPhotosAsync(subject.SellerId, ct)).Select(s => s.OtherSellerId).Distinct().ToList()),
    ];

    public async Task<IReadOnlyList<VerificationFinding>> FindAsync(Seller seller, OriginEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(evidence);
        var subject = new FrontSubject(
            seller.Id,
            new[] { evidence.IdentityNumber, seller.Nib }.OfType<string>().Distinct().ToList(),
            seller.ContactPhone is { } phone ? SellerContact.SameNumberForms(phone) : []);
        var findings = new List<VerificationFinding>();
        foreach (var (fact, holders) in Probes(subject))
        {
            var ids = await holders(cancellationToken);
            var risky = await db.Sellers.AsNoTracking().Where(PlacedListings.ShopAbroad)
                .Union(db.Sellers.AsNoTracking().Where(s => s.Status != SellerStatus.Active))
                .Where(s => s.Id != subject.SellerId && ids.Contains(s.Id))
                .OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.StoreName })
                .Take(MaxLinks)
                .ToListAsync(cancellationToken);
            findings.AddRange(risky.Select(s => new VerificationFinding(VerificationFindingKind.SharedWithRiskyShop, s.StoreName, fact, s.Id)));
        }

        return findings;
    }
}
