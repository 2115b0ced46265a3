namespace Marketplace.Domain.Sellers;

/// <summary>A shop's e-mail address and phone number, checked for shape (not for existence).</summary>
public sealed record SellerContact(string Email, string Phone)
{
    public const int EmailMaxLength = 254;

    public static SellerContact Create(string email, string phone)
    {
        var mail = (email ?? string.Empty).Trim();
        var at = mail.IndexOf('@', StringComparison.Ordinal);
        var validMail = mail.Length <= EmailMaxLength && at > 0 && at == mail.LastIndexOf('@') && at < mail.Length - 3
            && mail.IndexOf('.', at) is var dot && dot > at + 1 && dot < mail.Length - 1 && !mail.Any(char.IsWhiteSpace);
        if (!validMail)
        {
            throw new DomainException("seller.email_invalid", "An e-mail address looks like name@example.id.");
        }

        // People write numbers as "0812-3456-7890" or "+62 812 3456 7890"; the digits are what count.
        var raw = (phone ?? string.Empty).Trim();
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        var body = raw.StartsWith('+') ? raw[1..] : raw;
        var onlySeparators = body.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')');
        if (!onlySeparators || digits.Length is < 8 or > 15)
        {
            throw new DomainException("seller.phone_invalid", "A phone number has 8 to 15 digits.");
        }

        return new SellerContact(mail, (raw.StartsWith('+') ? "+" : string.Empty) + digits);
    }
}
