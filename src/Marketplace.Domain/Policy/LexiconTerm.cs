namespace Marketplace.Domain.Policy;

/// <summary>One word or phrase of a cluster's keyword lexicon.</summary>
public sealed class LexiconTerm
{
    private LexiconTerm()
    {
        Term = string.Empty;
    }

    public LexiconTerm(int clusterId, string term)
    {
        ClusterId = clusterId;
        Term = string.IsNullOrWhiteSpace(term) || term.Trim().Length > 60
            ? throw new DomainException("lexicon.term_invalid", "A term has 1 to 60 characters.")
            : term.Trim().ToLowerInvariant();
    }

    public long Id { get; private set; }

    public int ClusterId { get; private set; }

    public string Term { get; private set; }
}
