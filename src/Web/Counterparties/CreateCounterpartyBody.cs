using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Invoicing.Domain.Counterparties;

namespace Invoicing.Web.Counterparties;

/// <summary>The body of <c>POST /v1/counterparties</c> (§4), for the OpenAPI document only (ADR 0012).</summary>
internal sealed class CreateCounterpartyBody
{
    [Description("Not blank.")]
    [MinLength(1)]
    [MaxLength(Counterparty.NameMaxLength)]
    public required string Name { get; init; }

    [Description("A valid email address, or `null`.")]
    [MaxLength(Counterparty.EmailMaxLength)]
    [EmailAddress]
    public string? Email { get; init; }
}
