namespace Marketplace.Domain.Shipping;

/// <summary>
/// How heavy and how big one unit of a product is, packed: the weight in grams, and optionally the box's length, width and
/// height in centimetres, from which couriers compute the volumetric weight.
/// </summary>
public sealed record ParcelSize
{
    public const int MaxGrams = 50_000;
    public const int MaxSideCm = 200;

    /// <summary>What a listing weighs until its seller says otherwise: listings made before weights were asked for.</summary>
    public static readonly ParcelSize Assumed = new(1_000);

    public ParcelSize(int grams, int? lengthCm = null, int? widthCm = null, int? heightCm = null)
    {
        Grams = grams is >= 1 and <= MaxGrams
            ? grams
            : throw new DomainException("parcel.weight_invalid", $"A weight runs from 1 to {MaxGrams} grams.");
        var given = new[] { lengthCm, widthCm, heightCm }.Count(d => d is not null);
        if (given is not (0 or 3))
        {
            throw new DomainException("parcel.dimensions_incomplete", "Give the length, width and height together, or none of them.");
        }

        if (new[] { lengthCm, widthCm, heightCm }.Any(d => d is < 1 or > MaxSideCm))
        {
            throw new DomainException("parcel.dimension_invalid", $"A side runs from 1 to {MaxSideCm} cm.");
        }

        LengthCm = lengthCm;
        WidthCm = widthCm;
        HeightCm = heightCm;
    }

    public int Grams { get; }

    public int? LengthCm { get; }

    public int? WidthCm { get; }

    public int? HeightCm { get; }

    public bool HasDimensions => LengthCm is not null;

    /// <summary>The volume in cubic centimetres; zero without dimensions.</summary>
    public long CubicCm => HasDimensions ? (long)LengthCm!.Value * WidthCm!.Value * HeightCm!.Value : 0;
}

/// <summary>
/// The weight a courier charges for: the larger of the actual weight and the volumetric weight (L × W × H / 6000 in kg),
/// rounded up to the whole kilogram, at least one, as Indonesian couriers bill a regular parcel.
/// </summary>
public static class ChargeableWeight
{
    /// <summary>Cubic centimetres per volumetric kilogram.</summary>
    public const int VolumetricDivisor = 6000;

    /// <summary>The chargeable kilograms of these items packed in one parcel.</summary>
    public static int Kilograms(IEnumerable<(ParcelSize Size, int Quantity)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        long actualGrams = 0;
        long cubicCm = 0;
        foreach (var (size, quantity) in items)
        {
            actualGrams += (long)size.Grams * quantity;
            cubicCm += size.CubicCm * quantity;
        }

        // Volumetric kg = cm³ / 6000, so volumetric grams = cm³ / 6; both rounded up together at the end.
        var volumetricGrams = (cubicCm + 5) / 6;
        var grams = Math.Max(actualGrams, volumetricGrams);
        return (int)Math.Max(1, (grams + 999) / 1000);
    }

    public static int Kilograms(ParcelSize size, int quantity = 1) => Kilograms([(size, quantity)]);
}
