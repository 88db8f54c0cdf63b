using System.Text;
using Invoicing.Application.Common.Errors;

namespace Invoicing.UnitTests.Architecture;

/// <summary>
/// docs/errors.md's table of codes is generated from <see cref="ErrorCodes.Catalog"/>, the one place a code lives: this
/// test fails when the two differ, and with <c>INVOICING_UPDATE_DOCS=1</c> it rewrites the table instead.
/// </summary>
public sealed class ErrorCatalogDocumentTests
{
    private const string Begin = "<!-- error catalog: generated from ErrorCodes.Catalog by ErrorCatalogDocumentTests -->\n";
    private const string End = "<!-- end of error catalog -->";

    [Fact]
    public void The_error_catalog_in_the_docs_is_the_one_in_the_code()
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", "errors.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"docs/errors.md has no generated catalog between '{Begin.Trim()}' and '{End}'.");

        var documented = text[(begin + Begin.Length)..end];
        var generated = Table();
        if (documented != generated && Environment.GetEnvironmentVariable("INVOICING_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(begin + Begin.Length)] + generated + text[end..]);
            return;
        }

        Assert.True(documented == generated, "docs/errors.md's catalog differs from ErrorCodes.Catalog; run the unit tests with INVOICING_UPDATE_DOCS=1 to regenerate it.\n" + generated);
    }

    private static string Table()
    {
        var table = new StringBuilder("| code | HTTP | when |\n|---|---|---|\n");
        foreach (var (code, (status, when)) in ErrorCodes.Catalog.OrderBy(e => e.Value.Status).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            table.Append($"| `{code}` | {status} | {when} |\n");
        }

        return table.ToString();
    }
}
