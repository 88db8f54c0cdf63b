using System.Text.Json.Serialization;
using Invoicing.Application.Common.Json;

namespace Invoicing.Application.Common.Validation;

public enum InputState
{
    Missing = 0,
    Null,
    Invalid,
    Present,
}

/// <summary>
/// One member of a request body as the client sent it: absent, <c>null</c>, of the wrong JSON
/// type (with the type error's message), or a value. Reading never fails (<see cref="InputJsonConverter"/>);
/// validators turn the states into field errors, so type errors and rule errors are reported together.
/// </summary>
[JsonConverter(typeof(InputJsonConverter))]
public readonly record struct Input<T>(InputState State, T Value, string? InvalidMessage)
{
    public static Input<T> Missing => default;

    public static Input<T> Null => new(InputState.Null, default!, null);

    public bool IsPresent => State == InputState.Present;

    public static Input<T> Of(T value) => new(InputState.Present, value, null);

    public static Input<T> Invalid(string message) => new(InputState.Invalid, default!, message);

    public T ValueOr(T fallback) => IsPresent ? Value : fallback;
}
