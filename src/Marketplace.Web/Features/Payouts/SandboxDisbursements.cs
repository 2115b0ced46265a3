using System.Text.Json;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payouts;

/// <summary>An account the sandbox bank knows, with the holder its inquiry answers.</summary>
public sealed class SandboxBankAccount
{
    public const int HolderMaxLength = 100;

    public SandboxBankAccount(string bank, string number, string holderName)
    {
        Bank = bank;
        Number = number;
        HolderName = holderName;
    }

    public string Bank { get; private set; }

    public string Number { get; private set; }

    public string HolderName { get; private set; }

    /// <summary>The BCA account number the demo data opens for a demo shop in the sandbox bank.</summary>
    public static string DemoNumber(int sellerId) => (7_000_000_000L + sellerId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A transfer the sandbox provider accepted, by the payout's reference.</summary>
public sealed class SandboxDisbursement
{
    public SandboxDisbursement(string reference, string bank, string number, Rupiah amount, DateTimeOffset acceptedAt)
    {
        Reference = reference;
        Bank = bank;
        Number = number;
        Amount = amount;
        AcceptedAt = acceptedAt;
    }

    public string Reference { get; private set; }

    public string Bank { get; private set; }

    public string Number { get; private set; }

    public Rupiah Amount { get; private set; }

    public DateTimeOffset AcceptedAt { get; private set; }
}

/// <summary>
/// The disbursement provider inside the app for development and tests. It keeps its bank's accounts and the transfers it
/// accepted in PostgreSQL, so every node answers alike; the outcome of a transfer comes later as a signed callback
/// (<see cref="SandboxDisbursements.CompleteAsync"/>), through the same receiver a production provider's callback reaches.
/// </summary>
public sealed class SandboxDisbursementProvider(MarketplaceDbContext db, TimeProvider clock) : IDisbursementProvider
{
    public async Task<string?> InquireAsync(string bank, string accountNumber, CancellationToken cancellationToken) =>
        await db.SandboxBankAccounts.AsNoTracking().Where(a => a.Bank == bank && a.Number == accountNumber).Select(a => a.HolderName).SingleOrDefaultAsync(cancellationToken);

    public async Task SubmitAsync(DisbursementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sandbox_disbursements (reference, bank, number, amount_idr, accepted_at)
            VALUES ({request.Reference}, {request.Bank}, {request.AccountNumber}, {request.Amount.Amount}, {clock.GetUtcNow()})
            ON CONFLICT (reference) DO NOTHING
            """, cancellationToken);
    }
}

/// <summary>The sandbox's side: opening accounts in its bank, and reporting a transfer's outcome as the signed callback a provider sends.</summary>
public sealed class SandboxDisbursements(MarketplaceDbContext db, DisbursementCallbacks callbacks, TimeProvider clock, IOptions<PayoutOptions> options)
{
    public bool Enabled => options.Value.Sandbox;

    /// <summary>Opens (or renames) an account in the sandbox bank, as a bank's records would hold it.</summary>
    public async Task OpenAccountAsync(string bank, string number, string holderName, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sandbox_bank_accounts (bank, number, holder_name) VALUES ({bank}, {number}, {holderName})
            ON CONFLICT (bank, number) DO UPDATE SET holder_name = excluded.holder_name
            """, cancellationToken);
    }

    /// <summary>Reports the accepted transfer <paramref name="reference"/> as paid or failed; null when the sandbox never accepted it.</summary>
    public async Task<DisbursementOutcome?> CompleteAsync(string reference, bool paid, CancellationToken cancellationToken)
    {
        if (!Enabled || await db.SandboxDisbursements.AsNoTracking().SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken) is not { } transfer)
        {
            return null;
        }

        var message = DisbursementCallbacks.Event(transfer.Reference, transfer.Amount, paid, clock.GetUtcNow());
        var body = JsonSerializer.Serialize(message);
        return await callbacks.ReceiveAsync(body, Payments.PaymentSignature.Sign(body, options.Value.CallbackSecret), cancellationToken);
    }
}
