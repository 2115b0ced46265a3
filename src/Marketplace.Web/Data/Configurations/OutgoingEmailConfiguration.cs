using Marketplace.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.Property(e => e.ToAddress).HasMaxLength(OutgoingEmail.AddressMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(OutgoingEmail.SubjectMaxLength);
        builder.Property(e => e.LastError).HasMaxLength(OutgoingEmail.ErrorMaxLength);
        builder.HasIndex(e => e.NextAttemptAt);
    }
}
