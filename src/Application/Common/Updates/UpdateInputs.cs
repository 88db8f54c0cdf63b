using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Common;

namespace Invoicing.Application.Common.Updates;

/// <summary>
/// The members of an update body (§10) as the domain's changes: a member present is set, <c>null</c> clears an optional
/// member, an absent member is left alone. Validation has already refused <c>null</c> where it clears nothing.
/// </summary>
public static class UpdateInputs
{
    public static Change<T> ToChange<T>(this Input<T> input) =>
        input.IsPresent ? Change<T>.To(input.Value) : Change<T>.None;

    /// <summary>Present: set; <c>null</c>: cleared; absent: left alone.</summary>
    public static Change<string?> ToClearable(this Input<string> input) => input.State switch
    {
        InputState.Present => Change<string?>.To(input.Value),
        InputState.Null => Change<string?>.To(null),
        _ => Change<string?>.None,
    };

    /// <summary>
    /// The metadata changes to merge into <paramref name="current"/>: the object sent (a key with <c>null</c> or <c>""</c>
    /// is removed), every current key removed for <c>"metadata": null</c>, none when the member is absent.
    /// </summary>
    public static IReadOnlyDictionary<string, string?>? ToMetadataChanges(this Input<IReadOnlyDictionary<string, string?>> input, IReadOnlyDictionary<string, string> current) => input.State switch
    {
        InputState.Present => input.Value,
        InputState.Null => current.Keys.ToDictionary(k => k, _ => (string?)null),
        _ => null,
    };

    /// <summary>
    /// The field error for metadata that would have more keys than allowed once <paramref name="changes"/> are merged into
    /// <paramref name="current"/>, or none.
    /// </summary>
    public static IEnumerable<FieldError> MergedMetadataErrors(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?>? changes)
    {
        if (changes is not null && Metadata.KeyCountAfter(current, changes) > Metadata.MaxKeys)
        {
            yield return new FieldError("metadata", FieldErrorCodes.Invalid, FieldErrorCodes.MaxKeysMessage(Metadata.MaxKeys));
        }
    }
}
