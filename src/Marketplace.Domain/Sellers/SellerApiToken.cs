using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Domain.Sellers;

/// <summary>
/// A personal access token a seller's own system uses on the seller API. Only a SHA-256 hash of the secret is kept,
/// so a leaked database does not leak working tokens; the secret is shown once, when it is created.
/// </summary>
public sealed class SellerApiToken
{
    public const int NameMaxLength = 60;

    /// <summary>Every token starts with this, so secret scanners and people recognise one.</summary>
    public const string SecretPrefix = "mpst_";

    private SellerApiToken()
    {
        Name = string.Empty;
        Hash = [];
        Hint = string.Empty;
    }

    public SellerApiToken(int sellerId, string name, string secret, bool canWrite, DateTimeOffset createdAt)
        : this()
    {
        SellerId = sellerId;
        Name = string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength
            ? throw new DomainException("token.name_invalid", $"A token's name has 1 to {NameMaxLength} characters.")
            : name.Trim();
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length < SecretPrefix.Length + 32)
        {
            throw new DomainException("token.secret_invalid", "A token secret is long and random.");
        }

        Hash = HashOf(secret);
        Hint = secret[^4..];
        CanWrite = canWrite;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int SellerId { get; private set; }

    public string Name { get; private set; }

    /// <summary>SHA-256 of the secret; tokens are found by this hash.</summary>
    public byte[] Hash { get; private set; }

    /// <summary>The secret's last four characters, so a seller can tell tokens apart.</summary>
    public string Hint { get; private set; }

    /// <summary>A read-only token may list listings and orders but change nothing.</summary>
    public bool CanWrite { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty));

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
