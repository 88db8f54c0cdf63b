using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Invoicing.UnitTests.Architecture;

/// <summary>
/// Every <c>```csharp</c> block of the README, the client's and the Testcontainers module's READMEs and <c>docs/*.md</c>
/// compiles (Roslyn) against the client, the Testcontainers module and the framework, as top-level statements (or, when
/// it declares only types, as a library), with the usings a new ASP.NET Core project has. A sample that continues an
/// earlier one says what it takes from it in an HTML comment on the line before its fence, which readers of the rendered
/// page do not see: <c>&lt;!-- compiled with: using Invoicing.Client; InvoicingClient client; Invoice invoice --&gt;</c>
/// (each <c>Type name</c> is declared for it, each <c>using</c> added). A block that cannot compile at all is marked
/// <c>&lt;!-- not compiled: why --&gt;</c>; those are listed in the failure message.
/// </summary>
public sealed partial class DocumentationSampleTests
{
    /// <summary>The implicit usings of a project on Microsoft.NET.Sdk.Web.</summary>
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    private static IEnumerable<string> Documents() =>
        new[] { "README.md", Path.Combine("src", "Client", "README.md"), Path.Combine("src", "Testcontainers", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md").Select(f => Path.GetRelativePath(RepositoryFiles.Root, f)).Order());

    [Fact]
    public void Every_csharp_sample_in_the_readmes_and_docs_compiles()
    {
        var samples = Documents().SelectMany(d => Extract(d, File.ReadAllText(Path.Combine(RepositoryFiles.Root, d)))).ToList();
        var exempt = samples.Where(s => s.NotCompiled is not null).Select(s => $"{s.Where}: not compiled: {s.NotCompiled}").ToList();
        var failures = samples.Where(s => s.NotCompiled is null).SelectMany(s => Compile(s).Select(e => $"{s.Where}: {e}")).ToList();

        samples.Count(s => s.NotCompiled is null).ShouldBeGreaterThanOrEqualTo(10, "the extraction found the samples");
        failures.ShouldBeEmpty(
            "A C# sample in the docs does not compile. Fix the sample; if it continues an earlier one, declare what it takes with "
            + "<!-- compiled with: using X; Type name --> on the line before its fence. Samples exempt with <!-- not compiled: … -->: "
            + (exempt.Count == 0 ? "none" : string.Join("; ", exempt)));
    }

    [Fact]
    public void A_sample_that_uses_a_name_it_never_defines_or_a_member_the_client_lacks_fails()
    {
        const string Document = """
            Text.

            ```csharp
            using Invoicing.Client;

            var client = new InvoicingClient(new() { ApiKey = "sk_test_…", BaseAddress = new Uri("http://localhost:5080") });
            await client.Invoices.PayAsync(globexId);
            ```

            <!-- compiled with: using Invoicing.Client; InvoicingClient client -->
            ```csharp
            await client.Invoices.RefundAsync(Guid.NewGuid());
            ```

            <!-- compiled with: using Invoicing.Client; InvoicingClient client -->
              ```csharp
              var acme = await client.Counterparties.CreateAsync(new() { Name = "Acme Tires" });
              ```
            """;

        var samples = Extract("sample.md", Document).ToList();

        samples.Select(s => s.Where).ShouldBe(["sample.md:3", "sample.md:11", "sample.md:16"]);
        Compile(samples[0]).ShouldContain(e => e.Contains("CS0103", StringComparison.Ordinal) && e.Contains("globexId", StringComparison.Ordinal));
        Compile(samples[1]).ShouldContain(e => e.Contains("CS1061", StringComparison.Ordinal) && e.Contains("RefundAsync", StringComparison.Ordinal));
        Compile(samples[2]).ShouldBeEmpty();
    }

    /// <summary>The <c>```csharp</c> blocks of a Markdown text, with their line, indentation removed, and the marker before each.</summary>
    private static IEnumerable<Sample> Extract(string document, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var indent = fence.Groups[1].Value.Length;
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i].TrimStart());
            }

            var before = lines.Take(start).LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim() ?? string.Empty;
            var notCompiled = NotCompiledMarker().Match(before);
            var compiledWith = CompiledWithMarker().Match(before);
            yield return new Sample(
                $"{document}:{start + 1}",
                string.Join('\n', code),
                notCompiled.Success ? notCompiled.Groups[1].Value.Trim() : null,
                compiledWith.Success ? compiledWith.Groups[1].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : []);
        }
    }

    /// <summary>The compiler's errors for one sample (warnings are not a sample's concern).</summary>
    private static List<string> Compile(Sample sample)
    {
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var usings = ImplicitUsings.Concat(sample.With.Where(w => w.StartsWith("using ", StringComparison.Ordinal)).Select(w => w["using ".Length..].Trim()));
        var givens = sample.With.Where(w => !w.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(string.Concat(usings.Select(u => $"global using {u};\n")), parse, path: "usings.cs"),
            CSharpSyntaxTree.ParseText(sample.Code, parse, path: sample.Where),
        };
        if (givens.Count > 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText(
                "global using static Given;\nusing Invoicing.Client;\nusing Invoicing.Testcontainers;\n"
                + "internal static class Given\n{\n" + string.Concat(givens.Select(g => $"    public static {g} = default!;\n")) + "}\n",
                parse,
                path: "given.cs"));
        }

        var statements = trees[1].GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Sample",
            trees,
            References.Value,
            new CSharpCompilationOptions(statements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} {d.GetMessage()} (line {d.Location.GetLineSpan().StartLinePosition.Line + 1} of {d.Location.SourceTree?.FilePath})")
            .ToList();
    }

    /// <summary>The framework and every assembly this test runs with: the client, the Testcontainers module and their packages, xunit.</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p));
        return paths
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToList();
    }

    [GeneratedRegex(@"^(\s*)```csharp\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!--\s*not compiled:(.*)-->$")]
    private static partial Regex NotCompiledMarker();

    [GeneratedRegex(@"^<!--\s*compiled with:(.*)-->$")]
    private static partial Regex CompiledWithMarker();

    private sealed record Sample(string Where, string Code, string? NotCompiled, string[] With);
}
