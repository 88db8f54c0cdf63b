using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Invoicing.Domain.Common;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Common.Validation;

/// <summary>
/// FluentValidation rules over <see cref="Input{T}"/>. The state rules (<see cref="AsDeclared{T,TValue}"/>, or
/// <see cref="Required{T,TValue}"/> and <see cref="Optional{T,TValue}"/>) report missing, null and wrong-typed members;
/// every value rule passes when no value is present, so a field gets the one error that explains it.
/// </summary>
public static class InputRules
{
    /// <summary>
    /// The state rules of a request record's member as the record declares it (<see cref="InputDeclaration"/>):
    /// <c>[Required]</c> means <see cref="Required{T,TValue}"/>, otherwise <see cref="Optional{T,TValue}"/>, accepting
    /// <c>null</c> when the member is <c>[NullMeansNone]</c>.
    /// </summary>
    public static IRuleBuilderOptions<T, Input<TValue>> AsDeclared<T, TValue>(this IRuleBuilderInitial<T, Input<TValue>> rule)
    {
        MemberInfo? member = null;
        rule.Configure(r => member = r.Member);
        return InputDeclaration.IsRequired(member) ? rule.Required() : rule.Optional(InputDeclaration.IsNullable(member));
    }

    public static IRuleBuilderOptions<T, Input<TValue>> Required<T, TValue>(this IRuleBuilder<T, Input<TValue>> rule) =>
        rule.Must(i => i.State != InputState.Missing).WithErrorCode(FieldErrorCodes.Required).WithMessage(RequiredMessage)
            .Must(i => i.State != InputState.Null).WithErrorCode(FieldErrorCodes.Null).WithMessage(NullMessage)
            .WellTyped();

    /// <summary>May be absent; <c>null</c> is accepted only where it means "none".</summary>
    public static IRuleBuilderOptions<T, Input<TValue>> Optional<T, TValue>(this IRuleBuilder<T, Input<TValue>> rule, bool nullable = false) =>
        rule.Must(i => nullable || i.State != InputState.Null).WithErrorCode(FieldErrorCodes.Null).WithMessage(NullMessage)
            .WellTyped();

    public static IRuleBuilderOptions<T, Input<long>> Min<T>(this IRuleBuilder<T, Input<long>> rule, long min) =>
        rule.Must(i => !i.IsPresent || i.Value >= min).WithErrorCode(MinValue).WithMessage(MinValueMessage(min));

    public static IRuleBuilderOptions<T, Input<long>> Max<T>(this IRuleBuilder<T, Input<long>> rule, long max) =>
        rule.Must(i => !i.IsPresent || i.Value <= max).WithErrorCode(MaxValue).WithMessage(MaxValueMessage(max));

    public static IRuleBuilderOptions<T, Input<string>> NotBlank<T>(this IRuleBuilder<T, Input<string>> rule) =>
        rule.Must(i => !i.IsPresent || !Text.IsBlank(i.Value)).WithErrorCode(Blank).WithMessage(BlankMessage);

    public static IRuleBuilderOptions<T, Input<string>> MaxLength<T>(this IRuleBuilder<T, Input<string>> rule, int max) =>
        rule.Must(i => !i.IsPresent || Text.Length(i.Value) <= max).WithErrorCode(FieldErrorCodes.MaxLength).WithMessage(MaxLengthMessage(max));

    /// <summary>
    /// The limits of <c>metadata</c> (§10), all reported at once: more than <see cref="Domain.Common.Metadata.MaxKeys"/>
    /// keys with a value is <c>metadata</c> <c>invalid</c>; a key of 0 or more than
    /// <see cref="Domain.Common.Metadata.KeyMaxLength"/> characters is <c>metadata.{key}</c> <c>invalid</c>; a longer value
    /// than <see cref="Domain.Common.Metadata.ValueMaxLength"/> is <c>metadata.{key}</c> <c>max_length</c>. A key set to
    /// <c>null</c> or <c>""</c> stands for its removal and counts for nothing but its name. Whether merged metadata stays
    /// within the limits is the update's own check (it needs the stored metadata).
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, Input<IReadOnlyDictionary<string, string?>>> Metadata<T>(this IRuleBuilder<T, Input<IReadOnlyDictionary<string, string?>>> rule) =>
        rule.Custom((input, context) =>
        {
            if (!input.IsPresent)
            {
                return;
            }

            var name = context.PropertyPath;
            if (input.Value.Count(p => !string.IsNullOrEmpty(p.Value)) > Domain.Common.Metadata.MaxKeys)
            {
                context.AddFailure(new ValidationFailure(name, MaxKeysMessage(Domain.Common.Metadata.MaxKeys)) { ErrorCode = Invalid });
            }

            foreach (var (key, value) in input.Value)
            {
                if (!Domain.Common.Metadata.IsValidKey(key))
                {
                    context.AddFailure(new ValidationFailure($"{name}.{key}", InvalidMetadataKeyMessage) { ErrorCode = Invalid });
                }
                else if (value is not null && Text.Length(value) > Domain.Common.Metadata.ValueMaxLength)
                {
                    context.AddFailure(new ValidationFailure($"{name}.{key}", MaxLengthMessage(Domain.Common.Metadata.ValueMaxLength)) { ErrorCode = FieldErrorCodes.MaxLength });
                }
            }
        });

    /// <summary>A rule on the value alone, checked only when a value is present.</summary>
    public static IRuleBuilderOptions<T, Input<TValue>> Satisfies<T, TValue>(
        this IRuleBuilder<T, Input<TValue>> rule, Func<TValue, bool> predicate, string code, string message) =>
        rule.Must(i => !i.IsPresent || predicate(i.Value)).WithErrorCode(code).WithMessage(message);

    /// <summary>A rule between this value and others of the same object, checked only when a value is present.</summary>
    public static IRuleBuilderOptions<T, Input<TValue>> Satisfies<T, TValue>(
        this IRuleBuilder<T, Input<TValue>> rule, Func<T, TValue, bool> predicate, string code, Func<T, string> message) =>
        rule.Must((root, i) => !i.IsPresent || predicate(root, i.Value)).WithErrorCode(code).WithMessage((root, _) => message(root));

    /// <summary>
    /// Checks every item of a batch with <paramref name="item"/>. Each failure carries its item's index as data
    /// (<see cref="FieldError.Item"/>, through <see cref="ForItem"/>): the envelope names it <c>[i].field</c> and groups
    /// the batch's <c>items</c> by it.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<TItem>> EachItem<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>> rule, IValidator<TItem> item) =>
        rule.Custom((items, context) =>
        {
            for (var index = 0; index < items.Count; index++)
            {
                foreach (var failure in item.Validate(items[index]).Errors)
                {
                    context.AddFailure(failure.ForItem(index));
                }
            }
        });

    /// <summary>Marks a failure as about item <paramref name="index"/> of a batch (read back by <see cref="FieldError.From"/>).</summary>
    public static ValidationFailure ForItem(this ValidationFailure failure, int index)
    {
        failure.CustomState = index;
        return failure;
    }

    private static IRuleBuilderOptions<T, Input<TValue>> WellTyped<T, TValue>(this IRuleBuilderOptions<T, Input<TValue>> rule) =>
        rule.Must(i => i.State != InputState.Invalid).WithErrorCode(Invalid).WithMessage((_, i) => i.InvalidMessage!);
}
