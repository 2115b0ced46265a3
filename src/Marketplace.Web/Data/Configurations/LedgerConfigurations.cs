using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccountRow>
{
    public void Configure(EntityTypeBuilder<LedgerAccountRow> builder)
    {
        builder.ToTable("ledger_accounts", t => t.HasCheckConstraint("ck_ledger_accounts_not_negative", $"balance >= 0 OR kind = {(int)LedgerAccountKind.PaymentsReceived}"));
        builder.HasIndex(a => new { a.Kind, a.SellerId, a.OrderId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(a => a.SellerId);
    }
}

internal sealed class LedgerTransactionConfiguration : IEntityTypeConfiguration<LedgerTransactionRow>
{
    public void Configure(EntityTypeBuilder<LedgerTransactionRow> builder)
    {
        builder.ToTable("ledger_transactions");
        builder.Property(t => t.Key).HasMaxLength(Journal.KeyMaxLength);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasIndex(t => new { t.OrderId, t.SellerId });
        builder.HasIndex(t => t.At);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntryRow>
{
    public void Configure(EntityTypeBuilder<LedgerEntryRow> builder)
    {
        builder.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_entries_not_zero", "amount <> 0"));
        builder.HasOne<LedgerTransactionRow>().WithMany().HasForeignKey(e => e.TransactionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccountRow>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.TransactionId);
        builder.HasIndex(e => e.AccountId);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(Complaint.TextMaxLength);
        builder.Property(c => c.SellerAnswer).HasMaxLength(Complaint.TextMaxLength);
        builder.Property(c => c.DecidedBy).HasMaxLength(256);
        builder.Ignore(c => c.HoldsEscrow);

        // One complaint per seller's part of an order.
        builder.HasIndex(c => new { c.OrderId, c.SellerId }).IsUnique();
        builder.HasIndex(c => new { c.SellerId, c.Status });
        builder.HasIndex(c => c.Status);

        // The unattached-photo sweep asks whether any complaint names a photo (photos @> ARRAY[name]).
        builder.HasIndex(c => c.Photos).HasMethod("gin");
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Seller>().WithMany().HasForeignKey(c => c.SellerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PayoutAccountConfiguration : IEntityTypeConfiguration<PayoutAccount>
{
    public void Configure(EntityTypeBuilder<PayoutAccount> builder)
    {
        builder.Property(a => a.Bank).HasMaxLength(PayoutAccount.BankMaxLength);
        builder.Property(a => a.Number).HasMaxLength(PayoutAccount.NumberMaxLength);
        builder.Property(a => a.HolderName).HasMaxLength(PayoutAccount.HolderMaxLength);
        builder.Property(a => a.ConfirmationHash).HasMaxLength(64);
        builder.HasIndex(a => a.SellerId);
        builder.HasIndex(a => a.ConfirmationHash).IsUnique();
        builder.HasOne<Seller>().WithMany().HasForeignKey(a => a.SellerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> builder)
    {
        builder.IsRupiah(p => p.Amount, "amount_idr");
        builder.Property(p => p.FailureReason).HasMaxLength(Payout.FailureMaxLength);
        builder.Ignore(p => p.Reference);
        builder.HasIndex(p => new { p.SellerId, p.RequestedAt });
        builder.HasIndex(p => p.Status).HasFilter($"status = {(int)PayoutStatus.InTransit}").HasDatabaseName("ix_payouts_in_transit");
        builder.HasOne<Seller>().WithMany().HasForeignKey(p => p.SellerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PayoutAccount>().WithMany().HasForeignKey(p => p.PayoutAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisbursementCallbackConfiguration : IEntityTypeConfiguration<Features.Payouts.DisbursementCallback>
{
    public void Configure(EntityTypeBuilder<Features.Payouts.DisbursementCallback> builder)
    {
        builder.HasKey(c => c.EventId);
        builder.Property(c => c.EventId).HasMaxLength(Features.Payouts.DisbursementCallback.EventIdMaxLength);
        builder.Property(c => c.Reference).HasMaxLength(32);
    }
}

internal sealed class SandboxBankAccountConfiguration : IEntityTypeConfiguration<Features.Payouts.SandboxBankAccount>
{
    public void Configure(EntityTypeBuilder<Features.Payouts.SandboxBankAccount> builder)
    {
        builder.HasKey(a => new { a.Bank, a.Number });
        builder.Property(a => a.Bank).HasMaxLength(PayoutAccount.BankMaxLength);
        builder.Property(a => a.Number).HasMaxLength(PayoutAccount.NumberMaxLength);
        builder.Property(a => a.HolderName).HasMaxLength(Features.Payouts.SandboxBankAccount.HolderMaxLength);
    }
}

internal sealed class SandboxDisbursementConfiguration : IEntityTypeConfiguration<Features.Payouts.SandboxDisbursement>
{
    public void Configure(EntityTypeBuilder<Features.Payouts.SandboxDisbursement> builder)
    {
        builder.HasKey(d => d.Reference);
        builder.Property(d => d.Reference).HasMaxLength(32);
        builder.Property(d => d.Bank).HasMaxLength(PayoutAccount.BankMaxLength);
        builder.Property(d => d.Number).HasMaxLength(PayoutAccount.NumberMaxLength);
        builder.IsRupiah(d => d.Amount, "amount_idr");
    }
}
