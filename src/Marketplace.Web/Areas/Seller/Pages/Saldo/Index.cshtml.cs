using Marketplace.Domain;
using Marketplace.Web.Features.Payouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Seller.Pages.Saldo;

/// <summary>"Saldo": what is held in escrow, what is available, the payout account and the withdrawals.</summary>
public sealed class IndexModel(SellerPayouts payouts, SandboxDisbursements sandbox, TimeProvider clock, IStringLocalizer<SharedResource> text) : SellerPageModel
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public SellerBalance Balance { get; private set; } = null!;

    public bool Sandbox => sandbox.Enabled;

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? Bank { get; set; }

    [BindProperty]
    public string? AccountNumber { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Balance = await payouts.BalanceAsync(Shop.Id, cancellationToken);

    public async Task<IActionResult> OnPostAccountAsync(CancellationToken cancellationToken)
    {
        var outcome = await payouts.AddAccountAsync(Shop.Id, Bank, AccountNumber, token => Url.Page("/Saldo/Confirm", null, new { area = "Seller", token }, Request.Scheme)!, cancellationToken);
        Message = text["Saldo.Account." + outcome];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        Message = Rupiah.TryParse(Amount, out var amount)
            ? text["Saldo.Withdrawal." + await payouts.WithdrawAsync(Shop.Id, amount, cancellationToken)]
            : text["Saldo.Withdrawal.Invalid"];
        return RedirectToPage();
    }

    /// <summary>The sandbox provider's "simulate disbursement", only where the sandbox is on, only for the shop's own payouts.</summary>
    public async Task<IActionResult> OnPostSimulateAsync(long id, bool paid, CancellationToken cancellationToken)
    {
        var own = (await payouts.BalanceAsync(Shop.Id, cancellationToken)).Payouts.SingleOrDefault(p => p.Id == id);
        if (own is null || await sandbox.CompleteAsync(own.Reference, paid, cancellationToken) is not { } outcome)
        {
            return NotFound();
        }

        Message = text["Saldo.Simulated." + outcome];
        return RedirectToPage();
    }
}
