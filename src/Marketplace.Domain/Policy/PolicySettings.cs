namespace Marketplace.Domain.Policy;

/// <summary>The admin-editable rules other than cluster blocks and lexicons, and the policy version every change bumps.</summary>
public sealed class PolicySettings
{
    public const int SingletonId = 1;

    private List<int> _exemptHsChapters = [];

    private PolicySettings()
    {
        UpdatedBy = string.Empty;
    }

    public PolicySettings(CrossBorderMinimumPrice minimumPrice, string updatedBy, DateTimeOffset at)
        : this()
    {
        Id = SingletonId;
        Version = 1;
        Apply(minimumPrice);
        UpdatedBy = updatedBy;
        UpdatedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>Recorded on every decision; goes up with every change of any rule.</summary>
    public int Version { get; private set; }

    public bool MinimumPriceEnabled { get; private set; }

    public long MinimumPriceUsdCents { get; private set; }

    public decimal IdrPerUsd { get; private set; }

    public DateOnly RateDate { get; private set; }

    public IReadOnlyList<int> ExemptHsChapters => _exemptHsChapters;

    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public CrossBorderMinimumPrice MinimumPrice =>
        new(MinimumPriceEnabled, MinimumPriceUsdCents, IdrPerUsd, RateDate, _exemptHsChapters.ToHashSet());

    public void SetMinimumPrice(CrossBorderMinimumPrice rule, string updatedBy, DateTimeOffset at)
    {
        Apply(rule);
        Touch(updatedBy, at);
    }

    /// <summary>Any change of rules (blocks, lexicons, categories' clusters) moves the version on.</summary>
    public void Touch(string updatedBy, DateTimeOffset at)
    {
        Version++;
        UpdatedBy = updatedBy;
        UpdatedAt = at;
    }

    private void Apply(CrossBorderMinimumPrice rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.IsValid)
        {
            throw new DomainException("policy.minimum_invalid", "The USD amount and the exchange rate must be positive, the rate to two decimals.");
        }

        MinimumPriceEnabled = rule.Enabled;
        MinimumPriceUsdCents = rule.UsdCents;
        IdrPerUsd = rule.IdrPerUsd;
        RateDate = rule.RateDate;
        _exemptHsChapters = [.. rule.ExemptHsChapters.Order()];
    }
}
