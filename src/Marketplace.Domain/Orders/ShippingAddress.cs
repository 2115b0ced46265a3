namespace Marketplace.Domain.Orders;

public sealed record ShippingAddress(string RecipientName, string Phone, string Street, string City, string Province, string PostalCode)
{
    public static ShippingAddress Create(string recipientName, string phone, string street, string city, string province, string postalCode)
    {
        static string Required(string value, int max, string field) =>
            string.IsNullOrWhiteSpace(value) || value.Trim().Length > max
                ? throw new DomainException("address.invalid", $"{field} is required (at most {max} characters).")
                : value.Trim();

        var postal = (postalCode ?? string.Empty).Trim();
        if (postal.Length != 5 || !postal.All(char.IsAsciiDigit))
        {
            throw new DomainException("address.postal_code_invalid", "An Indonesian postal code has 5 digits.");
        }

        var knownProvince = IndonesianProvinces.Find(province)
            ?? throw new DomainException("address.province_invalid", $"'{province}' is not a province of Indonesia.");

        return new ShippingAddress(
            Required(recipientName, 100, "Recipient"),
            Required(phone, 20, "Phone"),
            Required(street, 300, "Street"),
            Required(city, 100, "City"),
            knownProvince,
            postal);
    }
}
