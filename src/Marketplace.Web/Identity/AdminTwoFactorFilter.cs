using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Marketplace.Web.Identity;

/// <summary>
/// Admins must sign in with two factors: an admin whose account has no authenticator yet is sent to set one up, with a
/// way back, before any admin page runs. Runs after authorization, so only admins reach it.
/// </summary>
internal sealed class AdminTwoFactorFilter(UserManager<ApplicationUser> users) : IAsyncPageFilter
{
    public const string SetupPage = "/Account/Manage/TwoFactor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The security stamp check of this request has loaded the user already; this is a lookup in the same context.
        var user = await users.GetUserAsync(context.HttpContext.User);
        if (user is { TwoFactorEnabled: false })
        {
            var request = context.HttpContext.Request;
            var returnUrl = request.Method == HttpMethods.Get ? request.PathBase + request.Path + request.QueryString : "/Admin";
            context.Result = new RedirectToPageResult(SetupPage, new { area = string.Empty, returnUrl, required = true });
            return;
        }

        await next();
    }
}
