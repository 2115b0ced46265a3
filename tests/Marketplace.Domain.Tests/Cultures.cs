using System.Globalization;

namespace Marketplace.Domain.Tests;

internal static class Cultures
{
    /// <summary>Runs the action with the current culture set to <paramref name="name"/>, then puts the old one back.</summary>
    public static T Run<T>(string name, Func<T> action)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
