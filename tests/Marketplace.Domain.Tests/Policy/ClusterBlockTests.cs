using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Policy;

public class ClusterBlockTests
{
    private static readonly DateTimeOffset Made = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Block_made_for_a_past_instant_starts_when_it_is_made()
    {
        var block = new ClusterBlock(1, Made.AddDays(-7), "Lindungi UMKM", "admin@pasar.id", Made);

        block.StartsAt.Should().Be(Made);
        block.Window.ActsAt(Made.AddDays(-1)).Should().BeFalse("a block cannot act before anyone made it");
    }

    [Fact]
    public void Scheduled_block_waits_for_its_instant_and_then_acts()
    {
        var start = Made.AddDays(14);
        var block = new ClusterBlock(1, start, "Tahap kedua", "admin@pasar.id", Made);

        block.IsScheduledAt(Made).Should().BeTrue();
        block.Window.ActsAt(start.AddTicks(-1)).Should().BeFalse();
        block.IsScheduledAt(start).Should().BeFalse();
        block.Window.ActsAt(start).Should().BeTrue();
        block.Window.ActsAt(start.AddYears(2)).Should().BeTrue();
    }

    [Fact]
    public void Lifted_block_stops_acting_at_the_lift()
    {
        var block = new ClusterBlock(2, Made, "Lindungi UMKM", "admin@pasar.id", Made);
        var lifted = Made.AddDays(30);

        block.Lift("  Evaluasi selesai ", "admin@pasar.id", lifted);

        block.LiftReason.Should().Be("Evaluasi selesai");
        block.Window.ActsAt(lifted.AddTicks(-1)).Should().BeTrue();
        block.Window.ActsAt(lifted).Should().BeFalse();
    }

    [Fact]
    public void Scheduled_block_lifted_before_its_start_never_acts()
    {
        var block = new ClusterBlock(2, Made.AddDays(10), "Tahap ketiga", "admin@pasar.id", Made);

        block.Lift("Dibatalkan", "admin@pasar.id", Made.AddDays(1));

        block.IsScheduledAt(Made.AddDays(2)).Should().BeFalse();
        block.Window.ActsAt(Made.AddDays(10)).Should().BeFalse();
    }

    [Fact]
    public void Block_is_lifted_once()
    {
        var block = new ClusterBlock(2, Made, "Lindungi UMKM", "admin@pasar.id", Made);
        block.Lift("Evaluasi selesai", "admin@pasar.id", Made.AddDays(1));

        var act = () => block.Lift("Lagi", "admin@pasar.id", Made.AddDays(2));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("block.already_lifted");
        block.LiftedAt.Should().Be(Made.AddDays(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Block_and_its_lift_need_a_reason(string reason)
    {
        var make = () => new ClusterBlock(1, Made, reason, "admin@pasar.id", Made);
        var block = new ClusterBlock(1, Made, "Lindungi UMKM", "admin@pasar.id", Made);
        var lift = () => block.Lift(reason, "admin@pasar.id", Made.AddDays(1));

        make.Should().Throw<DomainException>().Which.Code.Should().Be("block.reason_required");
        lift.Should().Throw<DomainException>().Which.Code.Should().Be("block.reason_required");
        block.LiftedAt.Should().BeNull();
    }

    [Fact]
    public void Sweep_time_is_recorded_once()
    {
        var block = new ClusterBlock(1, Made, "Lindungi UMKM", "admin@pasar.id", Made);

        block.MarkSwept(Made.AddMinutes(1));
        block.MarkSwept(Made.AddMinutes(9));

        block.SweptAt.Should().Be(Made.AddMinutes(1));
    }
}
