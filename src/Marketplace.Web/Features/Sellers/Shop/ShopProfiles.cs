using Marketplace.Domain;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Sellers.Shop;

/// <summary>A form field and the resource key of what is wrong with it.</summary>
public sealed record FieldProblem(string Field, string Key);

/// <summary>Opening a shop and changing its profile. A change of origin goes through the policy, which re-decides the shop's listings.</summary>
public sealed class ShopProfiles(
    MarketplaceDbContext db,
    RoleGrants roles,
    SignInManager<ApplicationUser> signIn,
    PolicyRuleChanges rules,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<FieldProblem>> OpenAsync(ApplicationUser user, ShopForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (await db.Sellers.AnyAsync(s => s.UserId == user.Id, cancellationToken))
        {
            return [new FieldProblem(string.Empty, "Seller.Shop.AlreadyOpen")];
        }

        var problems = new List<FieldProblem>();
        var seller = Build(problems, () => new Seller(user.Id, form.StoreName, form.Slug, form.Origin, form.CountryCode, form.Province, form.City, null, clock.GetUtcNow()));
        if (seller is not null)
        {
            Check(problems, nameof(ShopForm.Nib), () => seller.SetNib(form.Nib));
            Check(problems, nameof(ShopForm.ContactEmail), () => seller.SetContact(form.ContactEmail, form.ContactPhone));
            Check(problems, nameof(ShopForm.PickupStreet), () => seller.SetPickupAddress(form.PickupStreet, form.PickupPostalCode));
        }

        if (seller is null || problems.Count > 0)
        {
            return problems;
        }

        if (await SlugTakenAsync(seller.Slug, null, cancellationToken))
        {
            return [new FieldProblem(nameof(ShopForm.Slug), "Seller.Shop.SlugTaken")];
        }

        db.Sellers.Add(seller);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return [new FieldProblem(nameof(ShopForm.Slug), "Seller.Shop.SlugTaken")];
        }

        await roles.GrantAsync(user, Roles.Seller, RoleGrants.Self(user), cancellationToken);

        // The cookie still says "shopper"; a fresh one carries the Seller role, so the portal opens at once.
        await signIn.RefreshSignInAsync(user);
        return [];
    }

    public async Task<IReadOnlyList<FieldProblem>> UpdateAsync(int sellerId, ShopForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId, cancellationToken);
        var problems = Apply(seller, form);
        var originChanged = seller.Origin != form.Origin || !string.Equals(seller.CountryCode, form.CountryCode?.Trim(), StringComparison.OrdinalIgnoreCase);
        if (originChanged && form.Origin == SellerOrigin.Local && seller.IsCrossBorder)
        {
            // Local status is evidence an admin verifies, never a field the seller saves.
            problems.Add(new FieldProblem(nameof(ShopForm.Origin), "Seller.Shop.LocalNeedsVerification"));
        }
        else if (originChanged)
        {
            Check(problems, nameof(ShopForm.CountryCode), () => Seller.CheckOrigin(form.Origin, form.CountryCode ?? string.Empty));
        }

        if (problems.Count == 0 && await SlugTakenAsync(seller.Slug, sellerId, cancellationToken))
        {
            problems.Add(new FieldProblem(nameof(ShopForm.Slug), "Seller.Shop.SlugTaken"));
        }

        if (problems.Count > 0 || !originChanged)
        {
            if (problems.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            return problems;
        }

        // The origin changes first, through the policy (which locks clusters before the seller and re-decides the
        // shop's listings); the other fields, already checked, follow on the row as the policy left it.
        db.ChangeTracker.Clear();
        await PolicyTransaction.RunAsync(db, async ct =>
        {
            var effect = await rules.ChangeSellerOriginAsync(sellerId, form.Origin, form.CountryCode!, actor, ct);
            var changed = await db.Sellers.SingleAsync(s => s.Id == sellerId, ct);
            Apply(changed, form);
            db.AdminActions.Add(new AdminAction(
                AdminActionKind.SellerOriginChanged, changed.UserId, actor, new AdminTarget(SellerId: sellerId), null,
                $"origin={changed.Origin}; country={changed.CountryCode}; suspended={effect.Suspended}; review={effect.SentToReview}", clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return effect;
        },
        cancellationToken);
        db.ChangeTracker.Clear();
        return [];
    }

    private static List<FieldProblem> Apply(Seller seller, ShopForm form)
    {
        var problems = new List<FieldProblem>();
        Check(problems, nameof(ShopForm.StoreName), () => seller.Rename(form.StoreName, form.Slug));
        Check(problems, nameof(ShopForm.Province), () => seller.Relocate(form.Province, form.City));
        Check(problems, nameof(ShopForm.Nib), () => seller.SetNib(form.Nib));
        Check(problems, nameof(ShopForm.ContactEmail), () => seller.SetContact(form.ContactEmail, form.ContactPhone));
        Check(problems, nameof(ShopForm.PickupStreet), () => seller.SetPickupAddress(form.PickupStreet, form.PickupPostalCode));
        return problems;
    }

    private Task<bool> SlugTakenAsync(string slug, int? except, CancellationToken cancellationToken) =>
        db.Sellers.AnyAsync(s => s.Slug == slug && s.Id != except, cancellationToken);

    private static Seller? Build(List<FieldProblem> problems, Func<Seller> create)
    {
        try
        {
            return create();
        }
        catch (DomainException e)
        {
            problems.Add(new FieldProblem(FieldOf(e.Code), ProblemText.KeyOf(e)));
            return null;
        }
    }

    private static void Check(List<FieldProblem> problems, string field, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException e)
        {
            problems.Add(new FieldProblem(FieldOf(e.Code) is { Length: > 0 } known ? known : field, ProblemText.KeyOf(e)));
        }
    }

    private static string FieldOf(string code) => code switch
    {
        "seller.name_invalid" => nameof(ShopForm.StoreName),
        "slug.invalid" => nameof(ShopForm.Slug),
        "seller.origin_country_mismatch" => nameof(ShopForm.CountryCode),
        "country.invalid" => nameof(ShopForm.CountryCode),
        "seller.nib_invalid" => nameof(ShopForm.Nib),
        "seller.email_invalid" => nameof(ShopForm.ContactEmail),
        "seller.phone_invalid" => nameof(ShopForm.ContactPhone),
        "seller.pickup_street_invalid" => nameof(ShopForm.PickupStreet),
        "seller.pickup_postal_code_invalid" => nameof(ShopForm.PickupPostalCode),
        _ => string.Empty,
    };
}
