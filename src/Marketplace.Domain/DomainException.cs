namespace Marketplace.Domain;

/// <summary>An operation that would break a rule of the domain; the message is for developers, the code for users.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
