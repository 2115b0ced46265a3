using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Admin;

/// <summary>One handler of an admin page, as a request: GET or POST, to the page's URL with <c>?handler=</c> when named.</summary>
public sealed record AdminHandler(string HttpMethod, string Url)
{
    public override string ToString() => $"{HttpMethod} {Url}";
}

/// <summary>Signs in admins, enumerates the admin area's pages, and submits forms from pages already read.</summary>
public static class AdminPages
{
    private static int _admins;

    public static async Task<HttpClient> AdminClientAsync(MarketplaceApp app)
    {
        var email = $"admin{Interlocked.Increment(ref _admins)}.{Guid.NewGuid().ToString("N")[..8]}@example.id";
        await TestUsers.CreateAsync(app, email, Roles.Admin);
        return await TestUsers.SignedInClientAsync(app, email);
    }

    /// <summary>
    /// Every handler of every Razor page in the Admin area, read from the app's own endpoints and compiled page
    /// descriptors, so a page added later is covered without anyone listing it here.
    /// </summary>
    public static async Task<IReadOnlyList<AdminHandler>> EnumerateAsync(MarketplaceApp app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { AreaName: "Admin" })
            .ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<AdminHandler>();
        foreach (var page in endpoints.GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            // An Index page has two routes (/Admin/Clusters and /Admin/Clusters/Index); the longer one names it fully.
            var endpoint = page.OrderByDescending(e => e.RoutePattern.RawText!.Length).First();
            var url = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            url.Should().NotContain("{", "admin pages take their ids from the query string, so every one can be called here");
            var compiled = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods)
            {
                var query = string.IsNullOrEmpty(handler.Name) ? "?id=1" : $"?id=1&handler={handler.Name}";
                handlers.Add(new AdminHandler(handler.HttpMethod.ToUpperInvariant(), url + query));
            }
        }

        return handlers;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, AdminHandler handler)
    {
        using var request = new HttpRequestMessage(new HttpMethod(handler.HttpMethod), handler.Url);
        if (handler.HttpMethod == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reason"] = "Tanpa token" });
        }

        return await client.SendAsync(request);
    }

    /// <summary>Submits a form of a page already read (such as the confirmation under a preview), with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string>? fields = null, string? submitter = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var values = Values(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        var action = submitter is null
            ? form.GetAttribute("action")!
            : page.QuerySelector(submitter)?.GetAttribute("formaction") ?? throw new InvalidOperationException($"No button '{submitter}' with a formaction.");
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content);
    }

    /// <summary>The fields a browser would send: inputs (ticked boxes only), text areas and selects, names repeated where the form repeats them.</summary>
    public static List<KeyValuePair<string, string>> Values(IHtmlFormElement form)
    {
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type is not ("checkbox" or "radio") || i.IsChecked))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        values.AddRange(form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)).Select(t => new KeyValuePair<string, string>(t.Name!, t.Value)));
        values.AddRange(form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)).Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? string.Empty)));
        return values;
    }

    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    public static int Effect(this IHtmlDocument page, string section, string count) =>
        int.Parse(page.QuerySelector($"{section} dd[data-effect={count}]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
}
