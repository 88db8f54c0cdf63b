using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Counterparties.CreateCounterparty;
using Invoicing.Domain.Counterparties;

namespace Invoicing.Application.Counterparties.UpdateCounterparty;

/// <summary>The create rules (§4, §10) on the members present; `name` may not be `null` (it is required on create).</summary>
internal sealed class UpdateCounterpartyCommandValidator : AbstractValidator<UpdateCounterpartyCommand>
{
    public UpdateCounterpartyCommandValidator()
    {
        RuleFor(x => x.Name).AsDeclared().NotBlank().MaxLength(Counterparty.NameMaxLength);
        RuleFor(x => x.Email).AsDeclared().MaxLength(Counterparty.EmailMaxLength)
            .Satisfies(CreateCounterpartyCommandValidator.IsEmail, FieldErrorCodes.Invalid, FieldErrorCodes.InvalidEmailMessage);
        RuleFor(x => x.Metadata).AsDeclared().Metadata();
    }
}
