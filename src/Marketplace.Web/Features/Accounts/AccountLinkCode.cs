using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Web.Features.Accounts;

/// <summary>Identity's tokens as they travel in e-mailed links: base64url, so they survive any mail client.</summary>
public static class AccountLinkCode
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>A mangled link decodes to nothing rather than failing the page.</summary>
    public static bool TryDecode(string code, out string token)
    {
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            return true;
        }
        catch (FormatException)
        {
            token = string.Empty;
            return false;
        }
    }
}
