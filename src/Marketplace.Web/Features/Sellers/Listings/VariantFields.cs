using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Web.Features.Sellers.Shop;

namespace Marketplace.Web.Features.Sellers.Listings;

/// <summary>One variant as typed into the form or sent to the API: text, not yet checked. <see cref="Id"/> names an existing variant.</summary>
public sealed record VariantFields(long? Id, string? Name1, string? Value1, string? Name2, string? Value2, string? Price, string? Stock);

/// <summary>
/// The checks of a listing's variants, the same for the form and the API. Problems name the row as
/// <c>variants[i].column</c>, i counting from zero in the order sent.
/// </summary>
public static class VariantRules
{
    public const string Field = "variants";
    public const string Name1 = "name1";
    public const string Value1 = "value1";
    public const string Name2 = "name2";
    public const string Value2 = "value2";

    public static string FieldOf(int row, string column) => string.Create(CultureInfo.InvariantCulture, $"{Field}[{row}].{column}");

    /// <returns>The drafts, or null when a problem was added.</returns>
    public static IReadOnlyList<VariantDraft>? Check(IReadOnlyList<VariantFields> rows, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        if (rows.Count > Listing.MaxVariants)
        {
            problems.Add(new FieldProblem(Field, "Seller.Listing.Problem.TooManyVariants"));
            return null;
        }

        var drafts = new List<VariantDraft>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var options = Options(row, i, problems);
            var price = ListingInputChecks.CheckPrice(row.Price, FieldOf(i, ListingColumns.Price), problems);
            var stock = ListingInputChecks.CheckStock(row.Stock, FieldOf(i, ListingColumns.Stock), problems);
            if (options is not null && price is { } p && stock is { } s)
            {
                drafts.Add(new VariantDraft(row.Id, options, p, s));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        if (drafts.Count > 0 && drafts.Any(d => !d.Options.HasSameNamesAs(drafts[0].Options)))
        {
            problems.Add(new FieldProblem(Field, "Seller.Listing.Problem.VariantNamesDiffer"));
        }

        var repeated = drafts.Select((d, i) => (Label: d.Options.Label.ToUpperInvariant(), i)).GroupBy(d => d.Label).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1));
        foreach (var (_, row) in repeated)
        {
            problems.Add(new FieldProblem(FieldOf(row, Value1), "Seller.Listing.Problem.VariantRepeated"));
        }

        if (drafts.Sum(d => (long)d.Stock) > ListingContent.MaxStock)
        {
            problems.Add(new FieldProblem(Field, "Seller.Listing.Problem.StockInvalid"));
        }

        return problems.Count > before ? null : drafts;
    }

    private static VariantOptions? Options(VariantFields row, int i, ICollection<FieldProblem> problems)
    {
        var ok = Valid(row.Name1, VariantOptions.NameMaxLength, FieldOf(i, Name1), "Seller.Listing.Problem.VariantName", problems)
            & Valid(row.Value1, VariantOptions.ValueMaxLength, FieldOf(i, Value1), "Seller.Listing.Problem.VariantValue", problems);
        if (!string.IsNullOrWhiteSpace(row.Name2) || !string.IsNullOrWhiteSpace(row.Value2))
        {
            ok &= Valid(row.Name2, VariantOptions.NameMaxLength, FieldOf(i, Name2), "Seller.Listing.Problem.VariantName", problems)
                & Valid(row.Value2, VariantOptions.ValueMaxLength, FieldOf(i, Value2), "Seller.Listing.Problem.VariantValue", problems);
        }

        if (!ok)
        {
            return null;
        }

        try
        {
            return new VariantOptions(row.Name1!, row.Value1!, row.Name2, row.Value2);
        }
        catch (DomainException)
        {
            problems.Add(new FieldProblem(FieldOf(i, Name2), "Seller.Listing.Problem.VariantNamesRepeated"));
            return null;
        }
    }

    private static bool Valid(string? text, int max, string field, string key, ICollection<FieldProblem> problems)
    {
        var value = (text ?? string.Empty).Trim();
        var valid = value.Length >= 1 && value.Length <= max && !value.Any(char.IsControl) && !value.Contains('/', StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal);
        if (!valid)
        {
            problems.Add(new FieldProblem(field, key));
        }

        return valid;
    }
}
