namespace Marketplace.Web.Data.Seed;

/// <summary>A province of Indonesia, or a state or region abroad, with some of its cities.</summary>
public sealed record RegionSeed(string Name, IReadOnlyList<string> Cities);

/// <summary>A country cross-border sellers ship from.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code, such as <c>CN</c>.</param>
/// <param name="NameId">Indonesian name, used in listing descriptions.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Regions">States or regions with some of their cities.</param>
public sealed record CountrySeed(string Code, string NameId, string NameEn, IReadOnlyList<RegionSeed> Regions);
