using System.Net;
using Marketplace.Web.Hosting;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Hardening;

/// <summary>Every response carries the security headers, whatever answered it: a page, a file, a 404, a form post, the API.</summary>
public sealed class SecurityHeadersTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/css/site.css")]
    [InlineData("GET", "/tidak-ada")]
    [InlineData("GET", "/Account/Login")]
    [InlineData("POST", "/Account/Login")]
    [InlineData("GET", "/api/v1/seller/listings")]
    [InlineData("GET", "/health")]
    public async Task Every_response_carries_the_policy_headers(string method, string path)
    {
        var client = fixture.App.CreateBrowserClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var headers = response.Headers;
        headers.GetValues("Content-Security-Policy").Should().Equal(SecurityHeaders.ContentSecurityPolicy);
        SecurityHeaders.ContentSecurityPolicy.Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self';").And.NotContain("unsafe-inline");
        headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");
        headers.GetValues("Permissions-Policy").Should().Equal(SecurityHeaders.PermissionsPolicy);
        headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public async Task Api_answers_are_never_stored_by_a_cache()
    {
        using var response = await fixture.App.CreateBrowserClient().GetAsync("/api/v1/seller/listings");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_and_not_over_http()
    {
        var secure = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://pasar.example"), AllowAutoRedirect = false });
        var plain = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://pasar.example"), AllowAutoRedirect = false });

        using var overHttps = await secure.GetAsync("/");
        using var overHttp = await plain.GetAsync("/");

        overHttps.Headers.GetValues("Strict-Transport-Security").Single().Should().StartWith("max-age=");
        overHttp.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }
}
