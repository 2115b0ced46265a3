using Marketplace.Domain.Money;

namespace Marketplace.Web.Features.Ledger;

/// <summary>
/// An account of the books with its running balance. The balance is written only by the database (a trigger adds each
/// entry as it is inserted), and a CHECK keeps every account but <see cref="LedgerAccountKind.PaymentsReceived"/> at zero or above.
/// </summary>
public sealed class LedgerAccountRow
{
    private LedgerAccountRow()
    {
    }

    public long Id { get; private set; }

    public LedgerAccountKind Kind { get; private set; }

    public int? SellerId { get; private set; }

    public long? OrderId { get; private set; }

    public long Balance { get; private set; }
}

/// <summary>One posted <see cref="Journal"/>: its key is unique, so each business event is posted once.</summary>
public sealed class LedgerTransactionRow
{
    private LedgerTransactionRow()
    {
        Key = string.Empty;
    }

    public long Id { get; private set; }

    public string Key { get; private set; }

    public JournalKind Kind { get; private set; }

    public long? OrderId { get; private set; }

    public int? SellerId { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>One entry: append-only (a trigger refuses updates and deletes); a deferred trigger refuses a transaction whose entries do not sum to zero.</summary>
public sealed class LedgerEntryRow
{
    private LedgerEntryRow()
    {
    }

    public long Id { get; private set; }

    public long TransactionId { get; private set; }

    public long AccountId { get; private set; }

    public long Amount { get; private set; }
}
