using System.Globalization;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Policy;

/// <summary>
/// Decides whether a listing may be shown, as a pure function of the listing's facts, the rules in force and the instant.
/// A verified local seller's local product is never touched by the import rules (blocked clusters, keyword review, price
/// floor); an unverified one waits for review in closed clusters, since origin is evidence, not a checkbox.
/// </summary>
public static class ListingPolicy
{
    public static PolicyVerdict Decide(PolicySubject subject, PolicyInForce policy, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(policy);

        var blocking = new List<PolicyReason>();

        if (subject.SellerStatus != SellerStatus.Active)
        {
            blocking.Add(new PolicyReason(
                ReasonCodes.SellerSuspended,
                null,
                "Toko penjual sedang ditangguhkan, sehingga produknya tidak ditampilkan.",
                "The seller's shop is suspended, so its products are not shown."));
        }

        if (subject.IsCrossBorder)
        {
            var cluster = subject.Cluster;
            if (policy.IsBlocked(cluster.Id, instant))
            {
                blocking.Add(new PolicyReason(
                    ReasonCodes.ClusterBlocked,
                    cluster.Code,
                    $"Klaster {cluster.NameId} ditutup untuk penjualan lintas negara.",
                    $"The {cluster.NameEn} cluster is closed to cross-border sales."));
            }

            var minimum = policy.MinimumPrice;
            if (minimum.Enabled && subject.Price < minimum.Threshold && !minimum.Exempts(subject.HsChapters))
            {
                blocking.Add(new PolicyReason(
                    ReasonCodes.BelowCrossBorderMinimum,
                    cluster.Code,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Harga di bawah batas minimum lintas negara {minimum.Threshold} (USD {minimum.Usd:0.##} dengan kurs {minimum.RateDate:yyyy-MM-dd})."),
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The price is below the cross-border minimum of {minimum.Threshold} (USD {minimum.Usd:0.##} at the rate of {minimum.RateDate:yyyy-MM-dd}).")));
            }

        }

        // A block outranks a review, so the keyword scan (the costly rule) runs only when nothing blocks.
        if (blocking.Count > 0)
        {
            return new PolicyVerdict(PolicyOutcome.Blocked, blocking, policy.Version);
        }

        var review = subject.IsCrossBorder && !subject.MisclassificationCleared
            ? SuspectedMisclassification(subject, policy, instant).ToList()
            : [];
        if (!subject.IsCrossBorder && subject.LocalOriginUnverified && policy.IsBlocked(subject.Cluster.Id, instant))
        {
            review.Add(new PolicyReason(
                ReasonCodes.UnverifiedLocalOrigin,
                subject.Cluster.Code,
                $"Klaster {subject.Cluster.NameId} hanya terbuka untuk penjual lokal terverifikasi; produk tayang begitu asal toko terverifikasi. Kirim NIB di menu Verifikasi asal: NIB yang aktif dan cocok diverifikasi otomatis dalam hitungan detik.",
                $"The {subject.Cluster.NameEn} cluster is open only to verified local sellers; the listing goes live once the shop's origin is verified. Send your NIB from Origin verification: an active NIB that matches is verified automatically within seconds."));
        }

        // A re-used photo of refused goods holds the listing whatever its text says; a closure treats an unverified local
        // claim like a cross-border one, and so does this rule. An admin's approval waives it, as it waives the keywords.
        if (subject.ClosureApplies && !subject.MisclassificationCleared
            && subject.MatchedPhoto is { } photo && policy.IsBlocked(photo.Cluster.Id, instant))
        {
            review.Add(new PolicyReason(
                ReasonCodes.PhotoMatchesBannedListing,
                photo.Cluster.Code,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Foto produk hampir sama dengan foto produk #{photo.ListingId} yang ditolak atau diturunkan karena klaster {photo.Cluster.NameId} tertutup untuk penjualan lintas negara; menunggu tinjauan admin."),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"A product photo is near-identical to a photo of listing #{photo.ListingId}, which was refused or taken down because the {photo.Cluster.NameEn} cluster is closed to cross-border sales; waiting for an admin's review.")));
        }

        return review.Count > 0
            ? new PolicyVerdict(PolicyOutcome.NeedsReview, review, policy.Version)
            : new PolicyVerdict(PolicyOutcome.Allowed, [], policy.Version);
    }

    /// <summary>Text that reads like a blocked cluster's goods while the category sits elsewhere.</summary>
    private static IEnumerable<PolicyReason> SuspectedMisclassification(PolicySubject subject, PolicyInForce policy, DateTimeOffset instant)
    {
        ReadWord[]? read = null;
        foreach (var lexicon in policy.Lexicons)
        {
            var cluster = lexicon.Cluster;
            // A listing whose own cluster is blocked is already blocked, so only open categories get here in effect.
            if (!policy.IsBlocked(cluster.Id, instant))
            {
                continue;
            }

            // The text is read once, and only when some cluster is closed.
            read ??= LexiconText.WordsWithStems(subject.ScreenedText);
            var matched = lexicon.Matches(read);
            if (matched.Count == 0)
            {
                continue;
            }

            var words = string.Join(", ", matched);
            yield return new PolicyReason(
                ReasonCodes.SuspectedMisclassification,
                cluster.Code,
                $"Judul, deskripsi, varian atau nama toko menyerupai barang klaster {cluster.NameId} ({words}), yang tertutup untuk penjualan lintas negara; menunggu tinjauan admin.",
                $"The title, description, variants or shop name read like goods of the {cluster.NameEn} cluster ({words}), which is closed to cross-border sales; waiting for an admin's review.")
            {
                MatchedTerms = matched,
            };
        }
    }
}
