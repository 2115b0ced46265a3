namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// Chromium takes most of this 2-core machine while it runs; browser tests run on their own, after the parallel
/// classes, so timing-sensitive tests (the publish race) are not starved.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}
