namespace Marketplace.Domain.Policy;

/// <summary>The admin-editable rules other than cluster blocks and lexicons, and the policy version every change bumps.</summary>
public sealed class PolicySettings
{
    public const int SingletonId = 1;

    public const decimal DefaultClassifierThreshold = 0.80m;

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
        ClassifierThreshold = DefaultClassifierThreshold;
        Apply(minimumPrice);
        UpdatedBy = updatedBy;
        UpdatedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>Recorded on every decision; goes up with every change of any rule.</summary>
    public int Version { get; private set; }

    public bool MinimumPriceEnabled { get; private set; }

    public decimal MinimumPriceUsd { get; private set; }

    public decimal IdrPerUsd { get; private set; }

    public DateOnly RateDate { get; private set; }

    public IReadOnlyList<int> ExemptHsChapters => _exemptHsChapters;

    /// <summary>How sure the text model must be (0.5 to 0.99) before its reading alone sends a cross-border listing to review.</summary>
    public decimal ClassifierThreshold { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public CrossBorderMinimumPrice MinimumPrice =>
        new(MinimumPriceEnabled, MinimumPriceUsd, IdrPerUsd, RateDate, _exemptHsChapters.ToHashSet());

    public void SetMinimumPrice(CrossBorderMinimumPrice rule, string updatedBy, DateTimeOffset at)
    {
        Apply(rule);
        Touch(updatedBy, at);
    }

    public void SetClassifierThreshold(decimal threshold, string updatedBy, DateTimeOffset at)
    {
        ClassifierThreshold = threshold is >= 0.5m and <= 0.99m
            ? threshold
            : throw new DomainException("policy.classifier_threshold_invalid", "The classifier threshold is between 0.5 and 0.99.");
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
        if (rule.UsdAmount <= 0 || rule.IdrPerUsd <= 0)
        {
            throw new DomainException("policy.minimum_invalid", "The USD amount and the exchange rate must be positive.");
        }

        MinimumPriceEnabled = rule.Enabled;
        MinimumPriceUsd = rule.UsdAmount;
        IdrPerUsd = rule.IdrPerUsd;
        RateDate = rule.RateDate;
        _exemptHsChapters = [.. rule.ExemptHsChapters.Order()];
    }
}
