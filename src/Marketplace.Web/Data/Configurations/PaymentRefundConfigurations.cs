using Marketplace.Domain.Orders;
using Marketplace.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PaymentRefundConfiguration : IEntityTypeConfiguration<PaymentRefund>
{
    public void Configure(EntityTypeBuilder<PaymentRefund> builder)
    {
        builder.HasKey(r => r.Reference);
        builder.Property(r => r.Reference).HasMaxLength(PaymentRefund.ReferenceMaxLength);
        builder.Property(r => r.AccountNumber).HasMaxLength(VirtualAccount.NumberMaxLength);
        builder.IsRupiah(r => r.Amount, "amount_idr");
        builder.HasIndex(r => r.RequestedAt).HasFilter("submitted_at IS NULL");
    }
}

internal sealed class SandboxPaymentRefundConfiguration : IEntityTypeConfiguration<SandboxPaymentRefund>
{
    public void Configure(EntityTypeBuilder<SandboxPaymentRefund> builder)
    {
        builder.HasKey(r => r.Reference);
        builder.Property(r => r.Reference).HasMaxLength(PaymentRefund.ReferenceMaxLength);
        builder.Property(r => r.AccountNumber).HasMaxLength(VirtualAccount.NumberMaxLength);
        builder.IsRupiah(r => r.Amount, "amount_idr");
    }
}
