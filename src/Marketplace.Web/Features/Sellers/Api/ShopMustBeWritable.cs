using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>The API's write routes refuse a read-only (suspended) shop with the reason, as problem details 403.</summary>
internal sealed class ShopMustBeWritable(IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.User.FindFirst(SellerTokenAuthentication.ReadOnlyReasonClaim) is not { } reason)
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: text["Seller.ReadOnly.Title"],
            detail: reason.Value.Length > 0 ? text["Seller.ReadOnly.Reason", reason.Value].Value : null,
            type: "urn:marketplace:shop.read_only"));
    }
}
