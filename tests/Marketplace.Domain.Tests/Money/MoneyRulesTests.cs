using Marketplace.Domain.Money;
using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Tests.Money;

public sealed class MoneyRulesTests
{
    private static readonly DateTimeOffset Delivered = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_journal_whose_entries_do_not_sum_to_zero_is_refused()
    {
        var unbalanced = () => new Journal("t:1", JournalKind.Release, 1, 1, [new(LedgerAccount.PlatformFees, 100), new(LedgerAccount.PaymentsReceived, -99)]);
        var empty = () => new Journal("t:2", JournalKind.Release, 1, 1, [new(LedgerAccount.PlatformFees, 100), new(LedgerAccount.PlatformFees, -100)]);

        unbalanced.Should().Throw<DomainException>().Which.Code.Should().Be("ledger.unbalanced");
        empty.Should().Throw<DomainException>().Which.Code.Should().Be("ledger.empty");
    }

    [Fact]
    public void A_release_keeps_back_the_fee_and_never_more_than_the_escrow_holds()
    {
        var release = Postings.Release(7, 3, 100_000, new Rupiah(5_000));
        var capped = Postings.Release(7, 3, 1_000, new Rupiah(5_000));

        release.Entries.Should().BeEquivalentTo(new JournalEntry[] { new(LedgerAccount.Escrow(7, 3), -100_000), new(LedgerAccount.SellerBalance(3), 95_000), new(LedgerAccount.PlatformFees, 5_000) });
        capped.Entries.Should().BeEquivalentTo(new JournalEntry[] { new(LedgerAccount.Escrow(7, 3), -1_000), new(LedgerAccount.PlatformFees, 1_000) });
    }

    [Theory]
    [InlineData(250_000, null, 12_500)]
    [InlineData(250_000, "FOOD", 6_250)]
    [InlineData(33_333, "FOOD", 833)]
    [InlineData(30, "FOOD", 1)]
    public void The_fee_is_a_percentage_of_the_goods_rounded_half_up_per_cluster(long goods, string? cluster, long fee)
    {
        var schedule = new FeeSchedule(5m, new Dictionary<string, decimal> { ["FOOD"] = 2.5m });

        schedule.FeeOn(new Rupiah(goods), cluster).Amount.Should().Be(fee);
    }

    [Fact]
    public void A_fee_outside_0_to_100_percent_is_refused() =>
        FluentActions.Invoking(() => new FeeSchedule(120m)).Should().Throw<DomainException>().Which.Code.Should().Be("fees.percent_invalid");

    [Theory]
    [InlineData("PT. Batik Sekar Jagad", "Batik Sekar Jagad", true)]
    [InlineData("BATIK SEKAR JAGAD, CV", "CV Batik Sekar Jagad", true)]
    [InlineData("UD KOPI GAYO MANDIRI", "Kopi Gayo Mandiri", true)]
    [InlineData("Toko Uji 3", "toko uji 3", true)]
    [InlineData("BUDI SANTOSO", "Batik Sekar Jagad", false)]
    [InlineData("PT", "CV", false)]
    public void The_holder_name_matches_the_shop_whatever_the_case_punctuation_or_legal_form(string holder, string shop, bool matches) =>
        HolderName.Matches(holder, shop).Should().Be(matches);

    [Fact]
    public void A_complaint_is_filed_within_two_days_of_delivery_and_only_then()
    {
        var inTime = () => new Complaint(1, 1, "u", ComplaintReason.Damaged, "Pecah.", [], Delivered, Delivered.AddDays(2));
        var late = () => new Complaint(1, 1, "u", ComplaintReason.Damaged, "Pecah.", [], Delivered, Delivered.AddDays(2).AddMinutes(1));

        inTime.Should().NotThrow();
        late.Should().Throw<DomainException>().Which.Code.Should().Be("complaint.window_closed");
    }

    [Fact]
    public void An_admin_decides_only_a_disputed_complaint_or_one_the_seller_left_unanswered()
    {
        var complaint = new Complaint(1, 1, "u", ComplaintReason.WrongItem, "Warna lain.", [], Delivered, Delivered.AddHours(1));

        FluentActions.Invoking(() => complaint.Decide(true, "admin", Delivered.AddDays(1))).Should().Throw<DomainException>();
        complaint.Decide(true, "admin", complaint.AnswerBy.AddMinutes(1));
        complaint.Status.Should().Be(ComplaintStatus.Refunded);
        complaint.HoldsEscrow.Should().BeFalse();
    }

    [Fact]
    public void A_changed_payout_account_waits_for_confirmation_then_24_hours()
    {
        var account = PayoutAccount.Add(1, "bca", "123-456-7890", "TOKO UJI", "Toko Uji", hasActiveAccount: true, "hash", Delivered);

        account.Number.Should().Be("1234567890");
        account.IsUsableAt(Delivered.AddDays(3)).Should().BeFalse();
        account.Confirm(Delivered.AddHours(1));
        account.IsUsableAt(Delivered.AddHours(25).AddSeconds(-1)).Should().BeFalse();
        account.IsUsableAt(Delivered.AddHours(25)).Should().BeTrue();
    }
}
