using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Invoicing.Application.Common.Validation;

/// <summary>
/// What a request record declares about one of its <see cref="Input{T}"/> members, read by its validator
/// (<see cref="InputRules.AsDeclared{T,TValue}"/>) and by the OpenAPI document alike, so that it is written once on the
/// record: <c>[Required]</c> (the client must send it), <see cref="NullMeansNoneAttribute"/> (<c>null</c> is accepted) and
/// <see cref="DefaultsToAttribute"/> (the value an absent member stands for). Bounds and descriptions are the record's
/// data annotations and XML comments, which the document reads.
/// </summary>
public static class InputDeclaration
{
    public static bool IsRequired(MemberInfo? member) => member?.IsDefined(typeof(RequiredAttribute)) == true;

    public static bool IsNullable(MemberInfo? member) => member?.IsDefined(typeof(NullMeansNoneAttribute)) == true;

    public static object? DefaultOf(MemberInfo? member) => member?.GetCustomAttribute<DefaultsToAttribute>()?.Value;

    public static bool IsInput(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Input<>);
}

/// <summary>
/// The member accepts <c>null</c>, meaning none (any other member refuses it with <c>null</c>). (<c>[AllowNull]</c>
/// cannot say it: the compiler moves it from a property to its setter's parameter.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NullMeansNoneAttribute : Attribute;

/// <summary>
/// The value an absent member stands for, as the OpenAPI document shows it. (<c>[DefaultValue]</c> cannot be used: the
/// document's generator writes its value as the member's type, which is <see cref="Input{T}"/>, and fails.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultsToAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}

/// <summary>
/// The member (each item, for a list) is one of a closed set of strings: those of the static list
/// <paramref name="member"/> of <paramref name="type"/>, and <see cref="Also"/>. The OpenAPI document shows them as its
/// <c>enum</c>, read from the same list the validator checks against, so that a value added there is documented too.
/// Works on request members and on the members of a response record alike.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfValuesAttribute(Type type, string member) : Attribute
{
    /// <summary>Values beyond the list's, such as <c>*</c>.</summary>
    public string[] Also { get; init; } = [];

    public IReadOnlyList<string> Values =>
    [
        .. (IEnumerable<string>)(type.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? type.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{type.Name}.{member} is no public static list of strings.")),
        .. Also,
    ];
}
