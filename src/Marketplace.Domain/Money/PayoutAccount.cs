namespace Marketplace.Domain.Money;

public enum PayoutAccountStatus
{
    /// <summary>A change of account, waiting for the seller to confirm it from the e-mailed link.</summary>
    AwaitingConfirmation = 0,
    Active = 1,

    /// <summary>Replaced by a newer account; kept for the payouts that went to it.</summary>
    Retired = 2,
}

/// <summary>
/// The bank account a seller withdraws to. It exists only once the provider's inquiry named a holder matching the shop's
/// registered name. The first account is usable at once; a change waits for the e-mailed confirmation and then blocks
/// withdrawals for <see cref="ChangeCoolingOff"/>, so a stolen session cannot redirect a shop's money unnoticed.
/// </summary>
public sealed class PayoutAccount
{
    public const int BankMaxLength = 20;
    public const int NumberMaxLength = 20;
    public const int HolderMaxLength = 100;

    public static readonly TimeSpan ChangeCoolingOff = TimeSpan.FromHours(24);

    /// <summary>Banks the sandbox and the form know, as disbursement providers code them.</summary>
    public static readonly IReadOnlyList<string> Banks = ["BCA", "BRI", "BNI", "MANDIRI", "BSI", "CIMB", "PERMATA", "DANAMON", "BTN", "JAGO"];

    private PayoutAccount()
    {
        Bank = string.Empty;
        Number = string.Empty;
        HolderName = string.Empty;
    }

    private PayoutAccount(int sellerId, string bank, string number, string holderName, PayoutAccountStatus status, string? confirmationHash, DateTimeOffset at)
        : this()
    {
        SellerId = sellerId;
        Bank = bank;
        Number = number;
        HolderName = holderName;
        Status = status;
        ConfirmationHash = confirmationHash;
        AddedAt = at;
        UsableFrom = status == PayoutAccountStatus.Active ? at : null;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public string Bank { get; private set; }

    public string Number { get; private set; }

    /// <summary>The holder as the provider's inquiry named it.</summary>
    public string HolderName { get; private set; }

    public PayoutAccountStatus Status { get; private set; }

    /// <summary>SHA-256 of the e-mailed confirmation token (the token itself is never stored); null once used.</summary>
    public string? ConfirmationHash { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>When withdrawals to it may start; null until it is confirmed.</summary>
    public DateTimeOffset? UsableFrom { get; private set; }

    /// <summary>
    /// An account the inquiry found under <paramref name="holderName"/>; refused unless that is the shop's registered name.
    /// With <paramref name="hasActiveAccount"/> it is a change, waiting for the confirmation whose hash is given.
    /// </summary>
    public static PayoutAccount Add(int sellerId, string bank, string number, string holderName, string shopName, bool hasActiveAccount, string confirmationHash, DateTimeOffset at)
    {
        var (validBank, validNumber) = Validate(bank, number);
        if (!Money.HolderName.Matches(holderName, shopName))
        {
            throw new DomainException("payout.holder_mismatch", $"The account belongs to '{holderName}', not to '{shopName}'.");
        }

        var holder = holderName.Trim();
        holder = holder.Length > HolderMaxLength ? holder[..HolderMaxLength] : holder;
        return hasActiveAccount
            ? new PayoutAccount(sellerId, validBank, validNumber, holder, PayoutAccountStatus.AwaitingConfirmation, confirmationHash, at)
            : new PayoutAccount(sellerId, validBank, validNumber, holder, PayoutAccountStatus.Active, null, at);
    }

    /// <summary>The bank code and account number as a provider takes them, or a refusal saying what is wrong.</summary>
    public static (string Bank, string Number) Validate(string? bank, string? number)
    {
        var code = (bank ?? string.Empty).Trim().ToUpperInvariant();
        if (!Banks.Contains(code))
        {
            throw new DomainException("payout.bank_unknown", $"'{bank}' is not a bank the marketplace pays out to.");
        }

        var digits = new string((number ?? string.Empty).Where(c => c is not (' ' or '-' or '.')).ToArray());
        if (digits.Length is < 6 or > NumberMaxLength || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainException("payout.number_invalid", "An account number has 6 to 20 digits.");
        }

        return (code, digits);
    }

    /// <summary>The seller confirmed the change from the e-mail: it becomes the account, usable after the cooling-off.</summary>
    public void Confirm(DateTimeOffset at)
    {
        if (Status != PayoutAccountStatus.AwaitingConfirmation)
        {
            throw new DomainException("payout.not_awaiting_confirmation", "This account change was confirmed or replaced already.");
        }

        Status = PayoutAccountStatus.Active;
        ConfirmationHash = null;
        UsableFrom = at + ChangeCoolingOff;
    }

    public void Retire() => Status = PayoutAccountStatus.Retired;

    public bool IsUsableAt(DateTimeOffset at) => Status == PayoutAccountStatus.Active && UsableFrom <= at;
}
