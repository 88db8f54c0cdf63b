using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Invoicing.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum as its lowercase name (<c>test</c>, <c>open</c>): readable in SQL and as on the wire.</summary>
internal sealed class LowercaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<TEnum>(v, true))
    where TEnum : struct, Enum;
