using System.Reflection;
using System.Text;
using AngleSharp.Html.Dom;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Hardening;

/// <summary>
/// Walks every page handler and every API route the site maps, found from its own endpoint data source, signed in as a
/// user who is admin, seller (with a shop) and shopper, and sends each field hostile values: none may answer 500.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<HostileInputTests.Fixture>
{
    private static readonly string[] Hostile =
    [
        "2147483647", "-2147483648", "-1", "0", "0001-01-01", "9999-12-31", "9223372036854775808", "1e9999", "12,5abc", "NaN", new string('x', 10_000),
    ];

    /// <summary>The values each field also gets on its own, the others plain, so one field's refusal cannot hide another's fault.</summary>
    private static readonly string[] AloneHostile = ["2147483647", "9999-12-31"];

    /// <summary>What a route id that names nothing gets: the handler refuses it before it reads any field.</summary>
    private static readonly string[] MissingIdHostile = ["2147483647", "0001-01-01"];

    /// <summary>Ends the session the walk signs in with; its own tests cover it.</summary>
    private static readonly HashSet<string> Skipped = ["/Account/Logout"];

    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task No_page_handler_answers_500_to_hostile_query_or_form_values()
    {
        var client = await fixture.SignedInAsync();
        var token = await AntiforgeryTokenAsync(client);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var sent = 0;
        var handlers = await PageHandlersAsync();
        handlers.Should().Contain(h => h.Route.Contains("Admin/Audit", StringComparison.Ordinal)).And.Contain(h => h.Route.StartsWith("/Seller", StringComparison.Ordinal));

        // Handlers side by side, as several browser tabs would be: only a 500 fails, whatever order the writes land in.
        await Parallel.ForEachAsync(handlers.Where(h => !Skipped.Contains(h.Route)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (handler, _) =>
        {
            foreach (var (path, existing) in Paths(handler.Route))
            {
                foreach (var fields in existing ? FieldSets(handler.Fields) : MissingIdHostile.Select(v => handler.Fields.ToDictionary(f => f, _ => v)))
                {
                    Interlocked.Increment(ref sent);
                    foreach (var failure in await SendAsync(client, handler.Method, path, handler.Name, fields, token))
                    {
                        failures.Add(failure);
                    }
                }
            }
        });

        output.WriteLine($"{sent} requests to {handlers.Count} handlers");
        output.WriteLine(App.Errors.Describe());
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    [Fact]
    public async Task No_api_route_answers_500_to_hostile_query_or_body_values()
    {
        var client = App.CreateBrowserClient();
        var failures = new List<string>();
        var routes = ApiRoutes();
        routes.Should().Contain(r => r.Method == "PUT");

        foreach (var route in routes)
        {
            foreach (var (path, _) in Paths(route.Pattern))
            {
                foreach (var value in Hostile)
                {
                    var query = string.Join('&', route.QueryFields.Select(f => f + "=" + Uri.EscapeDataString(value)));
                    using var request = new HttpRequestMessage(new HttpMethod(route.Method), path + (query.Length > 0 ? "?" + query : string.Empty));
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.Token);

                    // Any version, so an update reaches the body's checks rather than stopping at the missing precondition.
                    request.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
                    if (route.Body is { } body)
                    {
                        request.Content = new StringContent(JsonBody(body, value), Encoding.UTF8, "application/json");
                    }

                    failures.AddRange(await CheckAsync(client, request, $"{route.Method} {path} value {Shorten(value)}"));
                }
            }
        }

        output.WriteLine(App.Errors.Describe());
        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    private async Task<List<PageHandler>> PageHandlersAsync()
    {
        var loader = App.Services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var bound = compiled.BoundProperties.SelectMany(p => FieldNames(p.Name, p.ParameterType)).ToList();
            foreach (var method in compiled.HandlerMethods.Where(m => m.HttpMethod is "Get" or "Post"))
            {
                var fields = bound.Concat(method.Parameters.SelectMany(p => FieldNames(p.Name, p.ParameterType))).Distinct().ToList();
                handlers.Add(new PageHandler("/" + endpoint.RoutePattern.RawText, method.HttpMethod.ToUpperInvariant(), method.Name, fields));
            }
        }

        return handlers;
    }

    private List<ApiRoute> ApiRoutes()
    {
        var isService = App.Services.GetRequiredService<IServiceProviderIsService>();
        var routes = new List<ApiRoute>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
            {
                continue;
            }

            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var query = handler.GetParameters()
                .Where(p => IsSimple(p.ParameterType) && p.ParameterType != typeof(CancellationToken) && !routeNames.Contains(p.Name!) && !isService.IsService(p.ParameterType))
                .Select(p => p.Name!)
                .ToList();
            foreach (var method in methods.HttpMethods)
            {
                routes.Add(new ApiRoute("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), method, query, body));
            }
        }

        return routes;
    }

    /// <summary>Each route with its parameters set to an existing id, the largest int and zero; true for the existing one.</summary>
    private IEnumerable<(string Path, bool Existing)> Paths(string pattern)
    {
        if (!pattern.Contains('{', StringComparison.Ordinal))
        {
            yield return (pattern, true);
            yield break;
        }

        var existing = fixture.ExistingId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var value in new[] { existing, "2147483647", "0" })
        {
            yield return (System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", value), value == existing);
        }
    }

    /// <summary>Every field set to the same hostile value, then each field hostile on its own with the others a plain "1".</summary>
    private static IEnumerable<Dictionary<string, string>> FieldSets(IReadOnlyList<string> fields)
    {
        foreach (var value in Hostile)
        {
            yield return fields.ToDictionary(f => f, _ => value);
        }

        foreach (var value in fields.Count > 1 ? AloneHostile : [])
        {
            foreach (var field in fields)
            {
                yield return fields.ToDictionary(f => f, f => f == field ? value : "1");
            }
        }
    }

    private static async Task<List<string>> SendAsync(HttpClient client, string method, string path, string? handler, Dictionary<string, string> fields, string token)
    {
        var query = handler is null ? string.Empty : "handler=" + handler;
        using var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, path + "?" + string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}").Append(query).Where(s => s.Length > 0)))
            : new HttpRequestMessage(new HttpMethod(method), path + (query.Length > 0 ? "?" + query : string.Empty))
            {
                Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
            };
        return await CheckAsync(client, request, $"{method} {path} handler {handler}: {string.Join(", ", fields.Select(f => f.Key + "=" + Shorten(f.Value)))}");
    }

    private static async Task<List<string>> CheckAsync(HttpClient client, HttpRequestMessage request, string what)
    {
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (int)response.StatusCode >= 500 ? [$"{(int)response.StatusCode} for {what}"] : [];
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return [$"{e.GetType().Name} ({e.Message}) for {what}"];
        }
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Seller/Tokens");
        return ((IHtmlInputElement)page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!).Value;
    }

    /// <summary>The form or query names a bound value reads: itself when simple, its properties under its prefix otherwise.</summary>
    private static IEnumerable<string> FieldNames(string name, Type type)
    {
        if (type == typeof(IFormFile) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type) || type == typeof(CancellationToken))
        {
            return [];
        }

        if (IsSimple(type) || (type.IsArray && IsSimple(type.GetElementType()!)) || (type.IsGenericType && type.GetGenericArguments() is [var element] && IsSimple(element) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)))
        {
            return [name];
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).SelectMany(p => FieldNames(p.Name, p.PropertyType)).Select(p => name + "." + p);
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(TimeOnly);
    }

    private static string JsonBody(Type type, string value)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p =>
        {
            var numeric = (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(decimal));
            var json = numeric && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) ? value : System.Text.Json.JsonSerializer.Serialize(value);
            return $"\"{char.ToLowerInvariant(p.Name[0])}{p.Name[1..]}\":{json}";
        });
        return "{" + string.Join(',', properties) + "}";
    }

    private static string Shorten(string value) => value.Length > 20 ? $"{value[..5]}…({value.Length} chars)" : value;

    private sealed record PageHandler(string Route, string Method, string? Name, IReadOnlyList<string> Fields);

    private sealed record ApiRoute(string Pattern, string Method, IReadOnlyList<string> QueryFields, Type? Body);

    public sealed class Fixture : SellerPortalFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Serilog:MinimumLevel:Default"] = "Error",
        };

        private string? _email;

        public string Token { get; private set; } = string.Empty;

        /// <summary>An id that exists in most tables: the shop's first listing, which an order also holds.</summary>
        public long ExistingId { get; private set; }

        public Task<HttpClient> SignedInAsync() => TestUsers.SignedInClientAsync(App, _email!);

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var scenario = new PolicyScenario(app);
            _email = "semua-peran@example.id";
            var user = await TestUsers.CreateAsync(app, _email, Roles.Shopper, Roles.Seller, Roles.Admin);
            var sellerId = await scenario.WithDbAsync(async db =>
            {
                var seller = new Seller(user.Id, "Toko Semua Peran", "toko-semua-peran", SellerOrigin.Local, "ID", "Jawa Tengah", "Surakarta", null, scenario.Now);
                seller.SetContact("toko@example.id", "081234567890");
                db.Sellers.Add(seller.VerifiedIfLocal(scenario.Now));
                await db.SaveChangesAsync();
                return seller.Id;
            });
            ExistingId = await scenario.CreatePublishedAsync(sellerId, PolicyScenario.Textile, "Batik Tulis Parang");
            await new SellerPortal(app).OrderAsync((ExistingId, 1));
            Token = await SellerPortal.CreateTokenAsync(await SignedInAsync());
        }
    }
}
