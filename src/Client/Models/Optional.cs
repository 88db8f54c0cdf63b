using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Client;

/// <summary>
/// A member of an update request (<c>PATCH</c>, §10) that is either left out of the body, so the API leaves it alone
/// (<see cref="Unset"/>, the default), or sent with a value, which may be <see langword="null"/> to clear it. Assign a
/// value directly (<c>Note = "text"</c>, <c>Note = null</c>); a member you do not assign is not sent.
/// </summary>
/// <typeparam name="T">The member's type.</typeparam>
[JsonConverter(typeof(OptionalJsonConverter))]
public readonly record struct Optional<T>
{
    private Optional(T value)
    {
        IsSet = true;
        Value = value;
    }

    /// <summary>Not sent: the API leaves the member as it is.</summary>
    public static Optional<T> Unset => default;

    /// <summary>Whether the member is sent.</summary>
    public bool IsSet { get; }

    /// <summary>The value sent (<see langword="null"/> clears the member); meaningless unless <see cref="IsSet"/>.</summary>
    public T Value { get; }

    /// <summary>Sent with <paramref name="value"/>.</summary>
    public static Optional<T> Of(T value) => new(value);

    /// <summary>Sent with <paramref name="value"/>.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => IsSet ? $"{Value}" : "(unset)";
}

/// <summary>Writes an <see cref="Optional{T}"/> as its value; an unset one is left out by its member's <c>JsonIgnore</c>.</summary>
internal sealed class OptionalJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<Optional<T>>
    {
        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Optional<T>.Of(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
