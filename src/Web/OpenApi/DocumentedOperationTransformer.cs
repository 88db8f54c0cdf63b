using System.Text.Json.Nodes;
using Invoicing.Application.Common.Errors;
using Invoicing.Web.Idempotency;
using Invoicing.Web.Middleware;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invoicing.Web.OpenApi;

/// <summary>
/// Renders, for one operation, what the action declares (<see cref="ErrorResponseAttribute"/>,
/// <see cref="ResponseHeaderAttribute"/>, <see cref="QueryParameterAttribute"/>) and what all operations share
/// (<see cref="OperationConventions"/>): each error status with the catalog codes it carries, the bearer requirement,
/// and the common headers. Bodies are described by the generator from their request records.
/// </summary>
internal sealed class DocumentedOperationTransformer : IOpenApiOperationTransformer
{
    public const string EnvelopeSchemaId = "ErrorEnvelope";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer needs the document.");

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Path, Name: "id", Schema: OpenApiSchema idSchema } id)
            {
                id.Description ??= "The resource's id, a UUID. Any other value answers 404 like an unknown id.";
                idSchema.Format = "uuid";
            }
        }

        operation.Parameters ??= [];
        foreach (var query in metadata.OfType<QueryParameterAttribute>())
        {
            var schema = new OpenApiSchema { Type = query.IsInteger ? JsonSchemaType.Integer : JsonSchemaType.String, Format = query.Format };
            if (query.Minimum != long.MinValue)
            {
                schema.Minimum = query.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (query.Maximum != long.MaxValue)
            {
                schema.Maximum = query.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (query.Default != long.MinValue)
            {
                schema.Default = JsonValue.Create(query.Default);
            }

            if (query.AllValues is { } values)
            {
                schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }

            operation.Parameters.Add(new OpenApiParameter { Name = query.Name, In = ParameterLocation.Query, Required = false, Description = query.Description, Schema = schema });
        }

        foreach (var header in OperationConventions.RequestHeaders.Where(h => h.Applies(description)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = false,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = header.MaxLength ?? 64 },
            });
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentTransformer.BearerSchemeId, document)] = [] }];

        var errors = metadata.OfType<ErrorResponseAttribute>()
            .Select(e => (e.Status, e.Codes, Headers: (IReadOnlyList<string>)[]))
            .Concat(OperationConventions.Responses.Where(r => r.Applies(description)).Select(r => (r.Status, r.Codes, Headers: r.Headers ?? [])))
            .GroupBy(e => e.Status)
            .OrderBy(g => g.Key);
        operation.Responses ??= [];
        foreach (var status in errors)
        {
            var codes = status.SelectMany(e => e.Codes).Distinct().ToList();
            var response = ErrorResponse(document, status.Key, codes);
            foreach (var header in status.SelectMany(e => e.Headers).Distinct())
            {
                AddHeader(response, header);
            }

            operation.Responses[status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        foreach (var header in metadata.OfType<ResponseHeaderAttribute>())
        {
            if (operation.Responses.TryGetValue(header.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) && response is OpenApiResponse success)
            {
                AddHeader(success, header.Name, header.Description);
            }
        }

        foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            foreach (var mediaType in response.Content?.Keys.Where(k => k != "application/json").ToList() ?? [])
            {
                response.Content!.Remove(mediaType); // the service writes JSON only
            }

            AddHeader(response, RequestIdMiddleware.Header);
        }

        if (OperationConventions.IsPost(description))
        {
            // The answers the idempotency middleware stores and replays: not those given before it runs.
            string[] before = ["401", "413", "414", "429", "431"];
            foreach (var stored in operation.Responses.Where(r => r.Key[0] is '2' or '4' && !before.Contains(r.Key)).Select(r => r.Value).OfType<OpenApiResponse>())
            {
                AddHeader(stored, IdempotencyMiddleware.ReplayedHeader);
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse ErrorResponse(OpenApiDocument document, int status, IReadOnlyList<string> codes)
    {
        foreach (var code in codes)
        {
            if (!ErrorCodes.Catalog.TryGetValue(code, out var entry) || entry.Status != status)
            {
                throw new InvalidOperationException($"Error code '{code}' is not in the catalog with status {status}.");
            }
        }

        return new OpenApiResponse
        {
            Description = string.Join("\n\n", codes.Select(c => $"`{c}`: {ErrorCodes.Catalog[c].When}")),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        AllOf =
                        [
                            new OpenApiSchemaReference(EnvelopeSchemaId, document),
                            new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = codes.Select(c => (JsonNode)JsonValue.Create(c)).ToList() },
                                },
                            },
                        ],
                    },
                },
            },
        };
    }

    private static void AddHeader(OpenApiResponse response, string name, string? description = null)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader
        {
            Description = description ?? OperationConventions.ResponseHeaders[name],
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }
}
