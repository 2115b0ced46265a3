namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Marketplace.sln.</summary>
public static class RepositoryFolder
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Marketplace.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test binaries.");
        }
    }
}
