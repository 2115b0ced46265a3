using Marketplace.Domain.Orders;
using Marketplace.Web.Features.AfterDelivery;
using Marketplace.Web.Features.Orders;
using Marketplace.Web.Features.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Orders;

public sealed class DetailModel(OrderHistory orders, SandboxPayments sandbox, PartReceipts receipts, IStringLocalizer<SharedResource> text) : PageModel
{
    public OrderDetails Details { get; private set; } = null!;

    /// <summary>Each seller's part after delivery: "Pesanan diterima" and "Ajukan komplain".</summary>
    public IReadOnlyList<PartReceipt> Receipts { get; private set; } = [];

    [BindProperty]
    public ComplaintReason Reason { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(CartService.ShopperId(User)!, number, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Receipts = await receipts.ForOrderAsync(CartService.ShopperId(User)!, number, cancellationToken);
        return Page();
    }

    /// <summary>The sandbox provider's "simulate payment": only where the sandbox is on, only for the shopper's own order.</summary>
    public async Task<IActionResult> OnPostSimulatePaymentAsync(string number, CancellationToken cancellationToken)
    {
        if (await sandbox.PayAsync(CartService.ShopperId(User)!, number, cancellationToken) is not { } outcome)
        {
            return NotFound();
        }

        Message = text["Payment.Outcome." + outcome];
        return RedirectToPage(new { number });
    }

    /// <summary>"Pesanan diterima": the seller's part is received, and its money goes to the seller.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string number, int seller, CancellationToken cancellationToken)
    {
        Message = await receipts.ConfirmAsync(CartService.ShopperId(User)!, number, seller, cancellationToken) ? text["Receipt.Confirmed"] : text["Receipt.NotConfirmed"];
        return RedirectToPage(new { number });
    }

    /// <summary>"Ajukan komplain" about a delivered part, with photos.</summary>
    public async Task<IActionResult> OnPostComplainAsync(string number, int seller, CancellationToken cancellationToken)
    {
        var outcome = await receipts.ComplainAsync(CartService.ShopperId(User)!, number, seller, Reason, Description, Photos, cancellationToken);
        Message = text["Receipt.Complaint." + outcome];
        return RedirectToPage(new { number });
    }
}
