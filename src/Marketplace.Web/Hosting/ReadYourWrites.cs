using Marketplace.Web.Data;

namespace Marketplace.Web.Hosting;

/// <summary>
/// After a signed-in user's write (any request but GET, HEAD or OPTIONS), remembers the primary's WAL position in that
/// user's cookie before the response starts, so the next storefront page, on whichever node, reads the write
/// (<see cref="ReadReplicas.RememberWriteAsync"/>). Nothing to remember without replicas.
/// </summary>
internal sealed class ReadYourWrites(RequestDelegate next, ReadReplicas replicas)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (replicas.AreConfigured
            && context.User.Identity?.IsAuthenticated == true
            && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)))
        {
            // A 5xx may be the database being away; asking it for its position then would only fail the answer too.
            context.Response.OnStarting(() => context.Response.StatusCode < StatusCodes.Status500InternalServerError
                ? replicas.RememberWriteAsync(context)
                : Task.CompletedTask);
        }

        return next(context);
    }
}
