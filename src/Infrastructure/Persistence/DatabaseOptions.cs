using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// <c>Database:Provider</c> (<c>Sqlite</c>, the default, <c>Postgres</c>/<c>PostgreSQL</c>, or <c>SqlServer</c>, any case) and the
/// connection string <c>ConnectionStrings:Invoicing</c>. Checked when the service starts (<c>ValidateOnStart</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string SqliteDefaultConnectionString = "Data Source=invoicing.db";

    public string Provider { get; set; } = "Sqlite";

    /// <summary>Bound from <c>ConnectionStrings:Invoicing</c>, not from the section.</summary>
    public string? ConnectionString { get; set; }

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres =>
        string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlServer => string.Equals(Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);

    /// <summary>The assembly holding this provider's migrations, made by <c>dotnet ef</c> (docs/decisions/0028).</summary>
    public string MigrationsAssembly => "Invoicing.Migrations." + (IsPostgres ? "Postgres" : IsSqlServer ? "SqlServer" : "Sqlite");

    internal sealed class Validator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            if (!options.IsSqlite && !options.IsPostgres && !options.IsSqlServer)
            {
                return ValidateOptionsResult.Fail($"Database:Provider must be Sqlite, Postgres or SqlServer, not '{options.Provider}'.");
            }

            return !options.IsSqlite && string.IsNullOrWhiteSpace(options.ConnectionString)
                ? ValidateOptionsResult.Fail($"ConnectionStrings:Invoicing is required when Database:Provider is {(options.IsPostgres ? "Postgres" : "SqlServer")}.")
                : ValidateOptionsResult.Success;
        }
    }
}
