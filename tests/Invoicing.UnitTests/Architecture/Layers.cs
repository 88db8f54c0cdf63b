using System.Reflection;
using Invoicing.Application.Common.Validation;
using Invoicing.Client;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Testcontainers;
using Invoicing.Web.Invoices;

namespace Invoicing.UnitTests.Architecture;

/// <summary>The project's assemblies, found through a type each is known to hold.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(EnvironmentScopedEntity).Assembly;
    public static readonly Assembly Application = typeof(FieldError).Assembly;
    public static readonly Assembly Infrastructure = typeof(ApplicationDbContext).Assembly;
    public static readonly Assembly Web = typeof(InvoicesController).Assembly;

    /// <summary>The .NET client package: not a layer of the service, and never one of its dependents.</summary>
    public static readonly Assembly Client = typeof(InvoicingClient).Assembly;

    /// <summary>The Testcontainers module for other teams' suites: a package beside the client.</summary>
    public static readonly Assembly Testcontainers = typeof(InvoicingBuilder).Assembly;

    public static IReadOnlyList<string> ReferencesOf(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
