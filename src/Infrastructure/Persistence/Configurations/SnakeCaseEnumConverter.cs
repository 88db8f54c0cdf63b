using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Invoicing.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum as its snake_case name (<c>http_error</c>), as on the wire.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()),
    v => Enum.Parse<TEnum>(v.Replace("_", string.Empty, StringComparison.Ordinal), true))
    where TEnum : struct, Enum;
