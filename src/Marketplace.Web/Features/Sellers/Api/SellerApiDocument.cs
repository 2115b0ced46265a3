using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>Tells readers of <c>/openapi/v1.json</c> how the seller API authenticates: a bearer personal access token.</summary>
internal sealed class SellerApiDocument : IOpenApiDocumentTransformer
{
    public const string SchemeName = "sellerToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Pasar UMKM seller API";
        document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token created in the seller portal (Token API), sent as 'Authorization: Bearer mpst_...'.",
        });
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
