using System.Text.Json;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Verification;

/// <summary>One registration the sandbox registry knows, as OSS would hold it.</summary>
public sealed class RegistryRecord
{
    private RegistryRecord()
    {
        Nib = string.Empty;
        BusinessName = string.Empty;
        OwnerName = string.Empty;
        Kbli = [];
        Province = string.Empty;
    }

    public RegistryRecord(BusinessRegistration registration, DateTimeOffset at)
        : this()
    {
        ArgumentNullException.ThrowIfNull(registration);
        Nib = registration.Nib;
        Update(registration, at);
    }

    public string Nib { get; private set; }

    public string BusinessName { get; private set; }

    public string OwnerName { get; private set; }

    public List<string> Kbli { get; private set; }

    public string Province { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public BusinessRegistration ToRegistration() => new(Nib, BusinessName, OwnerName, Kbli, Province, Active);

    public void Update(BusinessRegistration registration, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(registration);
        BusinessName = registration.BusinessName;
        OwnerName = registration.OwnerName;
        Kbli = [.. registration.Kbli];
        Province = registration.Province;
        Active = registration.Active;
        UpdatedAt = at;
    }
}

/// <summary>
/// The business registry inside the site for development, the demo and tests: it keeps its registrations in PostgreSQL
/// and answers <c>GET /sandbox/registry/nib/{nib}</c> with a signed answer, as <see cref="HttpBusinessRegistry"/> expects.
/// </summary>
public sealed class SandboxRegistry(MarketplaceDbContext db, TimeProvider clock, IOptions<RegistryOptions> options)
{
    /// <summary>Adds a registration or replaces the one held for its NIB.</summary>
    public async Task PutAsync(BusinessRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var nib = BusinessNumber.NormalizeOptional(registration.Nib)!;
        var held = await db.RegistryRecords.SingleOrDefaultAsync(r => r.Nib == nib, cancellationToken);
        if (held is null)
        {
            db.RegistryRecords.Add(new RegistryRecord(registration with { Nib = nib }, clock.GetUtcNow()));
        }
        else
        {
            held.Update(registration, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<IResult> EndpointAsync(string nib, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return await registry.AnswerAsync(nib, cancellationToken);
    }

    private async Task<IResult> AnswerAsync(string nib, CancellationToken cancellationToken)
    {
        if (!BusinessNumber.IsValid(nib))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "An NIB has 13 digits.");
        }

        var record = await db.RegistryRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Nib == nib, cancellationToken);
        var body = JsonSerializer.Serialize(RegistryAnswerBody.Of(nib, record?.ToRegistration(), clock.GetUtcNow()));
        return new SignedAnswer(body, RegistryAnswerBody.Sign(body, options.Value.AnswerSecret), record is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    /// <summary>The answer's exact bytes with their signature: a serializer must not touch the body after it was signed.</summary>
    private sealed class SignedAnswer(string body, string signature, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers[RegistryAnswerBody.SignatureHeader] = signature;
            return httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
