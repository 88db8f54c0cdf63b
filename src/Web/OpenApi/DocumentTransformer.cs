using Invoicing.Web.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invoicing.Web.OpenApi;

/// <summary>The document as a whole: title, the introduction shown on <c>/docs</c>, the bearer scheme, and the envelope schema.</summary>
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
        };
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
    }

    private static readonly Lazy<string> Introduction = new(() =>
    {
        using var stream = typeof(DocumentTransformer).Assembly.GetManifestResourceStream("Invoicing.Web.OpenApi.introduction.md")
            ?? throw new InvalidOperationException("The embedded introduction is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
