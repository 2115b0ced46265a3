using Marketplace.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> builder)
    {
        builder.Property(f => f.Key).HasMaxLength(LoginFailure.KeyMaxLength);
        builder.HasIndex(f => new { f.Key, f.At });
        builder.HasIndex(f => f.At);
    }
}
