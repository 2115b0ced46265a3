using Marketplace.Domain;

namespace Marketplace.Web.Features.Payouts;

/// <summary>What the provider sends to a seller's bank: the payout's reference (the same reference twice is one transfer).</summary>
public sealed record DisbursementRequest(string Reference, string Bank, string AccountNumber, string HolderName, Rupiah Amount);

/// <summary>
/// The boundary to a disbursement provider shaped like Indonesia's (Xendit, Flip, Midtrans Iris): an account inquiry that
/// names the holder the bank has on record, and transfers reported later through a signed callback (<see cref="DisbursementCallbacks"/>).
/// </summary>
public interface IDisbursementProvider
{
    /// <summary>The holder's name as the bank has it; null when the bank knows no such account.</summary>
    Task<string?> InquireAsync(string bank, string accountNumber, CancellationToken cancellationToken);

    /// <summary>Hands the transfer over. Idempotent by reference, so a retry after a lost answer sends nothing twice.</summary>
    Task SubmitAsync(DisbursementRequest request, CancellationToken cancellationToken);
}
