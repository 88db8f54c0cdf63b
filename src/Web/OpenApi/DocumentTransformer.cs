using System.Reflection;
using Invoicing.Application.Events;
using Invoicing.Web.Errors;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invoicing.Web.OpenApi;

/// <summary>
/// The document as a whole: title, licence and contact, the introduction shown on <c>/docs</c>, the server (the origin it
/// was asked at, without a trailing slash), the tags with their descriptions in the order a user meets them
/// (<see cref="ApiTagAttribute"/>), the bearer scheme, the envelope schema, and the exact schema of an event's
/// <c>data.object</c>.
/// </summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerSchemeId = "bearer";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Invoicing API",
            Version = "v1",
            Description = Introduction.Value,
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
            Contact = new OpenApiContact { Name = "Invoicing API maintainers" },
        };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = Tags(context);
        OrderPaths(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerSchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "sk_test_… or sk_live_…",
            Description = "A secret API key: `Authorization: Bearer sk_test_…`. Its environment (test or live) decides which data the request sees.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(DocumentedOperationTransformer.EnvelopeSchemaId))
        {
            document.Components.Schemas[DocumentedOperationTransformer.EnvelopeSchemaId] = await context.GetOrCreateSchemaAsync(typeof(ErrorEnvelope), null, cancellationToken);
        }

        TypeEventObject(document);
    }

    /// <summary>
    /// One tag per controller, named as the generator names it, described by its <see cref="ApiTagAttribute"/> and in
    /// its order (a controller without one is an error, caught by the document's tests).
    /// </summary>
    private static SortedSet<OpenApiTag> Tags(OpenApiDocumentTransformerContext context)
    {
        var controllers = context.DescriptionGroups.SelectMany(g => g.Items)
            .Select(d => d.ActionDescriptor).OfType<ControllerActionDescriptor>()
            .DistinctBy(a => a.ControllerName)
            .Select(a => (a.ControllerName, Tag: a.ControllerTypeInfo.GetCustomAttribute<ApiTagAttribute>()))
            .ToList();
        var order = controllers.ToDictionary(c => c.ControllerName, c => c.Tag?.Order ?? int.MaxValue);
        var tags = new SortedSet<OpenApiTag>(Comparer<OpenApiTag>.Create((a, b) =>
            order[a.Name!].CompareTo(order[b.Name!]) is var byOrder and not 0 ? byOrder : string.CompareOrdinal(a.Name, b.Name)));
        foreach (var (name, tag) in controllers)
        {
            tags.Add(new OpenApiTag { Name = name, Description = tag?.Description });
        }

        return tags;
    }

    /// <summary>The paths in the order of their operations' tags (then as the generator listed them), as a reader meets them.</summary>
    private static void OrderPaths(OpenApiDocument document)
    {
        var tags = document.Tags!.Select(t => t.Name).ToList();
        var ordered = document.Paths
            .Select((path, index) => (path, index, Tag: path.Value.Operations?.Values.SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => tags.IndexOf(t.Name)).DefaultIfEmpty(int.MaxValue).Min() ?? int.MaxValue))
            .OrderBy(p => p.Tag)
            .ThenBy(p => p.index)
            .Select(p => p.path)
            .ToList();
        document.Paths.Clear();
        foreach (var (key, value) in ordered)
        {
            document.Paths.Add(key, value);
        }
    }

    /// <summary>
    /// An event's <c>data.previous_attributes</c> is an object of old values. Its <c>data.object</c> is the resource after the change: one of the resources whose <c>object</c> constant is
    /// the resource part of an event type (<c>invoice</c> for <c>invoice.paid</c>), so a new event type on a documented
    /// resource is covered without more code.
    /// </summary>
    private static void TypeEventObject(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        if (!schemas.TryGetValue(nameof(EventData), out var data) || data is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }

        var resources = EventTypes.All.Select(t => t[..t.IndexOf('.', StringComparison.Ordinal)]).ToHashSet();
        var candidates = schemas
            .Where(s => s.Value is OpenApiSchema { Properties: { } p } && p.TryGetValue("object", out var o) && o is OpenApiSchema { Const: { } c } && resources.Contains(c))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (IOpenApiSchema)new OpenApiSchemaReference(s.Key, document))
            .ToList();
        properties["object"] = new OpenApiSchema
        {
            Description = "The resource right after the change: its `object` says which (`" + string.Join("`, `", resources.Order(StringComparer.Ordinal)) + "`).",
            OneOf = candidates,
        };

        // Typed object: the old value of each changed member under its wire name (strings, integers, null, or the previous
        // metadata object), written only on the update events.
        properties["previous_attributes"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Only on `counterparty.updated` and `invoice.updated` (§10): the old value of each member the update changed, by member name; for `metadata`, the whole metadata object before the update.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Integer | JsonSchemaType.Object | JsonSchemaType.Null },
        };
    }

    private static readonly Lazy<string> Introduction = new(() =>
    {
        using var stream = typeof(DocumentTransformer).Assembly.GetManifestResourceStream("Invoicing.Web.OpenApi.introduction.md")
            ?? throw new InvalidOperationException("The embedded introduction is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
