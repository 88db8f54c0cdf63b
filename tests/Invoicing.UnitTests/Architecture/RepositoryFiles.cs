namespace Invoicing.UnitTests.Architecture;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Invoicing.sln.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Invoicing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Invoicing.sln not found above " + AppContext.BaseDirectory);
    }
}
