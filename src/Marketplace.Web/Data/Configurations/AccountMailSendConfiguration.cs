using Marketplace.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class AccountMailSendConfiguration : IEntityTypeConfiguration<AccountMailSend>
{
    public void Configure(EntityTypeBuilder<AccountMailSend> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(LoginFailure.KeyMaxLength);
        builder.HasIndex(s => new { s.Key, s.At });
        builder.HasIndex(s => s.At);
    }
}
