using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Sellers;

public class SellerApiTokenTests
{
    private const string Secret = "mpst_0123456789abcdefghijklmnopqrstuvwxyzABCD";
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_keeps_only_the_hash_of_its_secret_and_a_hint()
    {
        var token = new SellerApiToken(4, "Gudang", Secret, canWrite: true, Now);

        token.Hash.Should().Equal(SellerApiToken.HashOf(Secret)).And.HaveCount(32);
        token.Hint.Should().Be("ABCD");
        token.IsActive.Should().BeTrue();
    }

    [Theory]
    [InlineData("short")]
    [InlineData("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH")]
    public void A_secret_that_is_short_or_lacks_the_prefix_is_refused(string secret)
    {
        var act = () => new SellerApiToken(4, "Gudang", secret, canWrite: true, Now);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("token.secret_invalid");
    }

    [Fact]
    public void Revoking_keeps_the_first_revocation_time()
    {
        var token = new SellerApiToken(4, "Gudang", Secret, canWrite: false, Now);

        token.Revoke(Now.AddHours(1));
        token.Revoke(Now.AddHours(2));

        token.RevokedAt.Should().Be(Now.AddHours(1));
        token.IsActive.Should().BeFalse();
    }
}
