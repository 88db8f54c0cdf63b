using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;

namespace Invoicing.Application.Counterparties;

/// <summary>The counterparty object of the contract (§4, §10).</summary>
public sealed record CounterpartyResponse(Guid Id, ApiEnvironment Environment, string Name, string? Email, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset CreatedAt)
{
    public static readonly Expression<Func<Counterparty, CounterpartyResponse>> Projection =
        c => new CounterpartyResponse(c.Id, c.Environment, c.Name, c.Email, c.Metadata, c.CreatedAt);

    private static readonly Func<Counterparty, CounterpartyResponse> Map = Projection.Compile();

    [JsonPropertyOrder(-1)]
    public string Object => "counterparty";

    public static CounterpartyResponse From(Counterparty counterparty) => Map(counterparty);
}
