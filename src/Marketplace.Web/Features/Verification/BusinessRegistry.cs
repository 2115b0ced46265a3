using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Domain.Sellers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Verification;

public enum RegistryLookupStatus
{
    Found,
    NotFound,

    /// <summary>No answer in time, an error, or an answer whose signature or NIB did not check out.</summary>
    Unavailable,
}

/// <summary>The registry's answer for one NIB, and the signed body it came in, kept as evidence.</summary>
public sealed record RegistryLookup(RegistryLookupStatus Status, BusinessRegistration? Registration, string? Answer)
{
    public static readonly RegistryLookup Unavailable = new(RegistryLookupStatus.Unavailable, null, null);
}

/// <summary>
/// The boundary to Indonesia's business registry (OSS RBA, which issues NIBs): given an NIB, the registered business,
/// its owner, KBLI codes, province and whether the registration is active.
/// </summary>
public interface IBusinessRegistry
{
    Task<RegistryLookup> LookupAsync(string nib, CancellationToken cancellationToken);
}

/// <summary>What the registry answers, as JSON; its HMAC-SHA256 signature over the raw body travels in <see cref="SignatureHeader"/>.</summary>
public sealed record RegistryAnswerBody(
    [property: JsonPropertyName("nib")] string Nib,
    [property: JsonPropertyName("found")] bool Found,
    [property: JsonPropertyName("business_name")] string? BusinessName,
    [property: JsonPropertyName("owner_name")] string? OwnerName,
    [property: JsonPropertyName("kbli")] IReadOnlyList<string>? Kbli,
    [property: JsonPropertyName("province")] string? Province,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("answered_at")] DateTimeOffset AnsweredAt)
{
    public const string SignatureHeader = "X-Registry-Signature";
    public const string Active = "active";
    public const string Inactive = "inactive";

    public static RegistryAnswerBody Of(string nib, BusinessRegistration? registration, DateTimeOffset at) =>
        registration is null
            ? new RegistryAnswerBody(nib, false, null, null, null, null, null, at)
            : new RegistryAnswerBody(nib, true, registration.BusinessName, registration.OwnerName, registration.Kbli, registration.Province, registration.Active ? Active : Inactive, at);

    /// <summary>The registration this answer describes; null when the NIB is not registered or the answer is incomplete.</summary>
    public BusinessRegistration? Registration() =>
        Found && BusinessName is not null && OwnerName is not null && Province is not null && Status is Active or Inactive
            ? new BusinessRegistration(Nib, BusinessName, OwnerName, Kbli ?? [], Province, Status == Active)
            : null;

    public static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static bool HasValidSignature(string body, string? signature, string secret) =>
        secret.Length > 0 && signature is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));

    public static RegistryAnswerBody? Parse(string? body)
    {
        try
        {
            return body is null ? null : JsonSerializer.Deserialize<RegistryAnswerBody>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Asks the registry over HTTP, as the real OSS service would be asked, and trusts only answers signed with the shared
/// secret that name the NIB asked about. A lookup is a read: asking twice is harmless. Without a base address it asks
/// the sandbox this site serves, at the site's own address.
/// </summary>
public sealed class HttpBusinessRegistry(IHttpClientFactory clients, IOptions<RegistryOptions> options, IServer server, ILogger<HttpBusinessRegistry> logger)
    : IBusinessRegistry
{
    public const string ClientName = "business-registry";
    public const string LookupPath = "/sandbox/registry/nib/";

    public async Task<RegistryLookup> LookupAsync(string nib, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AnswerSecret.Length == 0 || !BusinessNumber.IsValid(nib))
        {
            return RegistryLookup.Unavailable;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var http = clients.CreateClient(ClientName);
            using var response = await http.GetAsync(new Uri(BaseAddress(), LookupPath + nib), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var signature = response.Headers.TryGetValues(RegistryAnswerBody.SignatureHeader, out var values) ? values.FirstOrDefault() : null;
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound)
                || !RegistryAnswerBody.HasValidSignature(body, signature, settings.AnswerSecret)
                || RegistryAnswerBody.Parse(body) is not { } answer
                || answer.Nib != nib)
            {
                logger.LogWarning("The business registry's answer for an NIB was refused (HTTP {Status})", (int)response.StatusCode);
                return RegistryLookup.Unavailable;
            }

            return answer.Registration() is { } registration
                ? new RegistryLookup(RegistryLookupStatus.Found, registration, body)
                : new RegistryLookup(RegistryLookupStatus.NotFound, null, body);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "The business registry did not answer");
            return RegistryLookup.Unavailable;
        }
    }

    private Uri BaseAddress()
    {
        var configured = options.Value.BaseUrl;
        if (configured.Length > 0)
        {
            return new Uri(configured);
        }

        // The site's own listening address; a wildcard host is reached on loopback.
        var own = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost/";
        return new Uri(own.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
    }
}
