namespace Marketplace.Domain.Policy;

public enum PolicyOutcome
{
    Allowed = 0,
    NeedsReview = 1,
    Blocked = 2,
}
