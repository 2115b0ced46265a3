namespace Marketplace.Web.Features.Accounts;

/// <summary>
/// One e-mail an account form sent on a visitor's request (a reset link, a confirmation, a change of address), counted
/// against its recipient and against the client's address in a sliding window, in PostgreSQL so every web node counts together.
/// </summary>
public sealed class AccountMailSend
{
    private AccountMailSend()
    {
        Key = string.Empty;
    }

    public AccountMailSend(string key, DateTimeOffset at)
    {
        Key = key.Length > LoginFailure.KeyMaxLength ? key[..LoginFailure.KeyMaxLength] : key;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>"to:…" (the recipient, upper-cased) or "from:…" (the client's address).</summary>
    public string Key { get; private set; }

    public DateTimeOffset At { get; private set; }
}
