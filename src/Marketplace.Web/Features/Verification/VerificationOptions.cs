namespace Marketplace.Web.Features.Verification;

public sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>How many working days (Monday to Friday, WIB) an admin takes to decide a request the registry could not confirm; the seller is told this.</summary>
    public int ReviewWorkingDays { get; set; } = 2;
}

/// <summary>The business registry (OSS, which issues NIBs) the platform asks about a shop's NIB.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Where the registry answers; empty means the sandbox inside this site, at the site's own address.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The secret shared with the registry; it signs every answer (HMAC-SHA256 over the body). Empty: no answer is trusted.</summary>
    public string AnswerSecret { get; set; } = string.Empty;

    /// <summary>Serves the registry's sandbox from this site, answering from the records in its database. Never on in production.</summary>
    public bool Sandbox { get; set; }

    /// <summary>How long a lookup may take before the request goes to an admin instead.</summary>
    public int TimeoutSeconds { get; set; } = 5;
}
