namespace Marketplace.Domain.Orders;

/// <summary>A bank account number opened for one order: the shopper transfers the order's total into it before <see cref="PayBy"/>.</summary>
public sealed record VirtualAccount
{
    public const int NumberMaxLength = 24;

    public VirtualAccount(string bank, string number, DateTimeOffset payBy)
    {
        Bank = string.IsNullOrWhiteSpace(bank) || bank.Length > 20 ? throw new DomainException("payment.bank_invalid", "A bank code has 1 to 20 characters.") : bank;
        Number = number is { Length: >= 8 and <= NumberMaxLength } && number.All(char.IsAsciiDigit)
            ? number
            : throw new DomainException("payment.account_invalid", "A virtual account number has 8 to 24 digits.");
        PayBy = payBy;
    }

    public string Bank { get; private init; }

    public string Number { get; private init; }

    public DateTimeOffset PayBy { get; private init; }
}
