namespace Marketplace.Web.Features.Accounts;

/// <summary>
/// One failed log-in, counted against the client's address and against the account (by normalized e-mail, known or not)
/// in a sliding window. Kept in PostgreSQL, so every web node counts together.
/// </summary>
public sealed class LoginFailure
{
    public const int KeyMaxLength = 300;

    private LoginFailure()
    {
        Key = string.Empty;
    }

    public LoginFailure(string key, DateTimeOffset at)
    {
        Key = key.Length > KeyMaxLength ? key[..KeyMaxLength] : key;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>"address:…" or "account:…".</summary>
    public string Key { get; private set; }

    public DateTimeOffset At { get; private set; }
}
