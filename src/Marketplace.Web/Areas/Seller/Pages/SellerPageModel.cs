using Marketplace.Web.Features.Sellers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Seller.Pages;

/// <summary>
/// Every seller page works on the signed-in user's own shop, loaded before any handler runs; a seller without a shop
/// is sent to open one. Handlers filter everything by <see cref="Shop"/>, so another shop's ids are simply not found.
/// </summary>
public abstract class SellerPageModel : PageModel
{
    private Domain.Sellers.Seller? _shop;

    public Domain.Sellers.Seller Shop => _shop ?? throw new InvalidOperationException("The shop is loaded before any handler runs.");

    protected string Actor => SellerAccounts.Actor(User);

    /// <summary>A page whose posts a suspended shop may still make, such as appealing the suspension.</summary>
    protected virtual bool PostsWhileReadOnly => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var accounts = context.HttpContext.RequestServices.GetRequiredService<SellerAccounts>();
        _shop = await accounts.ShopOfAsync(User, context.HttpContext.RequestAborted);
        if (_shop is null)
        {
            context.Result = new RedirectToPageResult("/OpenShop", new { area = string.Empty });
            return;
        }

        // Every write of the portal is a POST: a read-only shop is sent back to the page, where _SellerNav says why.
        if (_shop.IsReadOnly && !PostsWhileReadOnly && HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            context.Result = new RedirectResult(context.HttpContext.Request.PathBase.Add(context.HttpContext.Request.Path));
            return;
        }

        await next();
    }
}
