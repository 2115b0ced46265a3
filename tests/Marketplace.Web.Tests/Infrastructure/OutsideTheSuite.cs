namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// Tests that run on the real clock or start real servers and so belong with the fault scripts under <c>tests/faults</c>:
/// <c>tests/test.sh</c> leaves out every test with this trait.
/// </summary>
public static class OutsideTheSuite
{
    public const string Trait = "Suite";

    public const string Fault = "Fault";
}
