using Marketplace.Domain;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sellers;

/// <summary>Turns a domain rule's code into the sentence a seller reads, from the resources.</summary>
public static class ProblemText
{
    public static string KeyOf(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return "Seller.Error." + exception.Code;
    }

    public static string Describe(this IStringLocalizer text, DomainException exception) => text.Problem(KeyOf(exception));

    /// <summary>The sentence behind a problem key, or a general one for a rule that has no sentence of its own yet.</summary>
    public static string Problem(this IStringLocalizer text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text[key];
        return line.ResourceNotFound ? text["Seller.Error.Other"] : line;
    }
}
