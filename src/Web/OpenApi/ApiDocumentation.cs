namespace Invoicing.Web.OpenApi;

/// <summary>
/// The OpenAPI document (<c>GET /openapi/v1.json</c>, generated from the controllers and the request records by
/// Microsoft.AspNetCore.OpenApi) and the Swagger UI page over it (<c>GET /docs</c>). Neither needs a key.
/// </summary>
internal static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true;
            options.CreateSchemaReferenceId = WireSchemaTransformer.ReferenceId;
            options.AddDocumentTransformer<DocumentTransformer>();
            options.AddOperationTransformer<DocumentedOperationTransformer>();
            options.AddSchemaTransformer<WireSchemaTransformer>();
        });

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Invoicing API reference";
            options.SwaggerEndpoint(DocumentPath, "Invoicing API v1");
            options.DisplayRequestDuration();
            options.DefaultModelsExpandDepth(1);
        });
        return app;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
