using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class SearchRankingConfiguration : IEntityTypeConfiguration<SearchRanking>
{
    public void Configure(EntityTypeBuilder<SearchRanking> builder)
    {
        builder.HasKey(r => r.Key);
    }
}

internal sealed class SearchWordConfiguration : IEntityTypeConfiguration<SearchWord>
{
    public void Configure(EntityTypeBuilder<SearchWord> builder)
    {
        builder.HasKey(w => w.Word);

        // Byte order, so the key's b-tree also serves prefix ranges ("bat" to "bau") for suggestions.
        builder.Property(w => w.Word).UseCollation("C");

        // Nearest words by trigram distance (pg_trgm's <->), for "did you mean".
        builder.HasIndex(w => w.Word).HasMethod("gist").HasOperators("gist_trgm_ops").HasDatabaseName("ix_search_words_trigram");
    }
}

internal sealed class SearchRefoldConfiguration : IEntityTypeConfiguration<SearchRefold>
{
    public void Configure(EntityTypeBuilder<SearchRefold> builder)
    {
        builder.HasKey(r => r.ListingId);
        builder.Property(r => r.ListingId).ValueGeneratedNever();
    }
}
