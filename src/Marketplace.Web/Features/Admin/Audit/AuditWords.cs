using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Admin.Audit;

/// <summary>
/// The audit's stored details (<c>decided=3; suspended=2</c>) in words for the admin reading them; the stored text stays
/// the export's and the tooltip's. A key the resources do not name is shown as it was stored.
/// </summary>
public static class AuditWords
{
    public static string Details(IStringLocalizer text, string? details)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(details))
        {
            return string.Empty;
        }

        var parts = details.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return part;
            }

            var words = text["Admin.Detail." + part[..equals], part[(equals + 1)..]];
            return words.ResourceNotFound ? part : words.Value;
        });
        return string.Join(" · ", parts);
    }
}
