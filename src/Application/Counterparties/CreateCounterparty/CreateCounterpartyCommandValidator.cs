using System.Text.RegularExpressions;
using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Counterparties;

namespace Invoicing.Application.Counterparties.CreateCounterparty;

/// <summary>The fields of §4 and §10; the email check is shared with the update (<see cref="IsEmail"/>).</summary>
internal sealed partial class CreateCounterpartyCommandValidator : AbstractValidator<CreateCounterpartyCommand>
{
    public CreateCounterpartyCommandValidator()
    {
        RuleFor(x => x.Name).AsDeclared().NotBlank().MaxLength(Counterparty.NameMaxLength);
        RuleFor(x => x.Email).AsDeclared().MaxLength(Counterparty.EmailMaxLength)
            .Satisfies(EmailAddress().IsMatch, FieldErrorCodes.Invalid, FieldErrorCodes.InvalidEmailMessage);
        RuleFor(x => x.Metadata).AsDeclared().Metadata();
    }

    public static bool IsEmail(string value) => EmailAddress().IsMatch(value);

    /// <summary>A pragmatic address check: one @, a non-empty local part, a dotted domain, no spaces.</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailAddress();
}
