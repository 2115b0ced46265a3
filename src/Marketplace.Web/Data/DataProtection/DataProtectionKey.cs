namespace Marketplace.Web.Data.DataProtection;

/// <summary>An ASP.NET Core Data Protection key, kept in PostgreSQL so every web node reads the same cookies and tokens.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
