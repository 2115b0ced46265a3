using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.Listings;

public class ListingImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_import_waits_in_the_queue_and_keeps_only_the_files_own_name()
    {
        var import = new ListingImport(3, "/home/sari/unggahan/produk.csv", [1, 2, 3], "sari@example.id", Now, 0);

        import.Status.Should().Be(ListingImportStatus.Queued);
        import.IsFinished.Should().BeFalse();
        import.FileName.Should().Be("produk.csv");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var act = () => new ListingImport(3, "kosong.csv", [], "sari@example.id", Now, 0);

        act.Should().Throw<DomainException>().Which.Code.Should().Be("import.empty");
    }

    [Fact]
    public void A_very_long_file_name_is_cut_and_a_missing_one_gets_a_default()
    {
        new ListingImport(3, new string('a', 300) + ".csv", [1], "a", Now, 0).FileName.Should().HaveLength(ListingImport.FileNameMaxLength);
        new ListingImport(3, "  ", [1], "a", Now, 0).FileName.Should().Be("upload.csv");
    }

    [Theory]
    [InlineData(ListingImportStatus.Queued, false, ListingImportStage.Uploaded)]
    [InlineData(ListingImportStatus.Running, false, ListingImportStage.Previewing)]
    [InlineData(ListingImportStatus.PreviewReady, false, ListingImportStage.PreviewReady)]
    [InlineData(ListingImportStatus.Queued, true, ListingImportStage.Queued)]
    [InlineData(ListingImportStatus.Running, true, ListingImportStage.Running)]
    [InlineData(ListingImportStatus.Completed, true, ListingImportStage.Completed)]
    [InlineData(ListingImportStatus.Failed, false, ListingImportStage.Failed)]
    [InlineData(ListingImportStatus.Failed, true, ListingImportStage.Failed)]
    [InlineData(ListingImportStatus.Cancelled, false, ListingImportStage.Cancelled)]
    public void An_upload_is_previewed_before_it_is_confirmed_and_imported(ListingImportStatus status, bool confirmed, ListingImportStage stage) =>
        ListingImport.StageOf(status, confirmed).Should().Be(stage);
}
