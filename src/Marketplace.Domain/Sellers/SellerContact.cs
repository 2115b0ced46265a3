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

    /// <summary>
    /// Every way the stored form of one Indonesian number can be written ("0812...", "62812...", "+62812..."), so a
    /// lookup finds the same phone however each shop typed it; a foreign number has only its own form.
    /// </summary>
    public static IReadOnlyList<string> SameNumberForms(string phone)
    {
        var stored = (phone ?? string.Empty).Trim();
        var national = stored switch
        {
            _ when stored.StartsWith("+62", StringComparison.Ordinal) => stored[3..],
            _ when stored.StartsWith("62", StringComparison.Ordinal) => stored[2..],
            _ when stored.StartsWith('0') => stored[1..],
            _ => null,
        };
        return national is null ? [stored] : ["0" + national, "62" + national, "+62" + national];
    }
}
