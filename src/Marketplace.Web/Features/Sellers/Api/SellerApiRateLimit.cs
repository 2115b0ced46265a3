using System.Globalization;
using Npgsql;

namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>
/// Requests per token per fixed minute, counted in PostgreSQL with one upsert, so the limit holds across every web
/// node; past the limit the API answers 429 with Retry-After (the seconds until the next minute starts).
/// </summary>
internal sealed class SellerApiRateLimit(NpgsqlDataSource data, IConfiguration configuration, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!int.TryParse(http.User.FindFirst(SellerTokenAuthentication.TokenIdClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId))
        {
            return await next(context);
        }

        var now = clock.GetUtcNow();
        var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        await using var count = data.CreateCommand("""
            INSERT INTO seller_api_usage (token_id, window_start, requests) VALUES (@token, @window, 1)
            ON CONFLICT (token_id, window_start) DO UPDATE SET requests = seller_api_usage.requests + 1
            RETURNING requests
            """);
        count.Parameters.AddWithValue("token", tokenId);
        count.Parameters.AddWithValue("window", window);
        var requests = (int)(await count.ExecuteScalarAsync(http.RequestAborted))!;
        if (requests == 1)
        {
            // The first request of a minute clears this token's old windows, so the table stays small.
            await using var prune = data.CreateCommand("DELETE FROM seller_api_usage WHERE token_id = @token AND window_start < @window");
            prune.Parameters.AddWithValue("token", tokenId);
            prune.Parameters.AddWithValue("window", window);
            await prune.ExecuteNonQueryAsync(http.RequestAborted);
        }

        var limit = configuration.GetValue("SellerApi:RequestsPerMinute", 120);
        if (requests <= limit)
        {
            return await next(context);
        }

        var retryAfter = (int)Math.Ceiling((window.AddMinutes(1) - now).TotalSeconds);
        http.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
        var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["Api.TooManyRequests"], detail: text["Api.TooManyRequestsDetail", limit]);
    }
}
