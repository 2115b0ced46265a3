using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Reviews;

/// <summary>
/// A verified buyer's review of one order line: stars, words and an optional photo, written once the line was delivered,
/// one per line. Admins may hide it and show it again; a hidden review leaves the listing's average.
/// </summary>
public sealed class ProductReview
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int TextMaxLength = 1000;
    public const int ReviewerNameMaxLength = 40;

    private ProductReview()
    {
        ShopperUserId = string.Empty;
        ReviewerName = string.Empty;
        Text = string.Empty;
    }

    /// <param name="order">The order the line belongs to; only its shopper reviews it.</param>
    public ProductReview(Order order, OrderLine line, string shopperUserId, int rating, string? text, string? imageName, DateTimeOffset at)
        : this()
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(line);
        if (order.ShopperUserId != shopperUserId || !order.Lines.Contains(line))
        {
            throw new DomainException("review.not_buyer", "Only the shopper who bought the item reviews it.");
        }

        if (line.Status != OrderLineStatus.Delivered)
        {
            throw new DomainException("review.not_delivered", "An item is reviewed after it was delivered.");
        }

        if (rating is < MinRating or > MaxRating)
        {
            throw new DomainException("review.rating_invalid", $"A rating is {MinRating} to {MaxRating} stars.");
        }

        var words = (text ?? string.Empty).Trim();
        if (words.Length > TextMaxLength)
        {
            throw new DomainException("review.text_too_long", $"A review has at most {TextMaxLength} characters.");
        }

        OrderLineId = line.Id;
        ListingId = line.ListingId;
        ShopperUserId = shopperUserId;
        ReviewerName = MaskName(order.Address.RecipientName);
        Rating = rating;
        Text = words;
        ImageName = imageName;
        CreatedAt = at;
    }

    public long Id { get; private set; }

    /// <summary>The reviewed line; unique, so a line is reviewed once.</summary>
    public long OrderLineId { get; private set; }

    public long ListingId { get; private set; }

    public string ShopperUserId { get; private set; }

    /// <summary>How the review is signed in public: the recipient's first name, masked ("S***i").</summary>
    public string ReviewerName { get; private set; }

    public int Rating { get; private set; }

    public string Text { get; private set; }

    /// <summary>The stored name of the buyer's photo, if any.</summary>
    public string? ImageName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsHidden { get; private set; }

    public DateTimeOffset? ModeratedAt { get; private set; }

    /// <summary>Hides or shows the review; false when it already was so.</summary>
    public bool SetHidden(bool hidden, DateTimeOffset at)
    {
        if (IsHidden == hidden)
        {
            return false;
        }

        IsHidden = hidden;
        ModeratedAt = at;
        return true;
    }

    /// <summary>The first name's first and last letters around three stars, as Indonesian shops sign reviews.</summary>
    public static string MaskName(string? name)
    {
        var first = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null)
        {
            return "***";
        }

        var masked = first.Length <= 2 ? first[..1] + "***" : $"{first[0]}***{first[^1]}";
        return masked.Length > ReviewerNameMaxLength ? masked[..ReviewerNameMaxLength] : masked;
    }
}
