namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// Tests that count progress in wall-clock time (how many closures a toggler manages in ten seconds) run alone, after
/// the parallel classes, so they do not share the machine's two cores with the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
