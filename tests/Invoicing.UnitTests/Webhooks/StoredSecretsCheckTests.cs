using Invoicing.Infrastructure.Webhooks;
using Invoicing.UnitTests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Invoicing.UnitTests.Webhooks.TestWebhookKeys;

namespace Invoicing.UnitTests.Webhooks;

/// <summary>
/// The start-up check for data no configured webhook key opens (docs/decisions/0037) translates its queries while the
/// migrations run, before any table exists: that must need no database, on every provider.
/// </summary>
public sealed class StoredSecretsCheckTests
{
    private static readonly string A = NewKey();
    private static readonly string B = NewKey();

    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_checks_queries_translate_without_a_database_and_leave_out_every_configured_key(string provider)
    {
        // The design-time contexts point at no server: a query that tried to connect would fail here.
        var sql = Check(provider).PrepareCheck();

        sql.Count.ShouldBe(3);
        var secrets = sql[0];
        secrets.ShouldContain("webhook_endpoints");
        secrets.ShouldContain(AesGcmSecretProtector.PrefixOf(IdOf(A)));
        secrets.ShouldContain(AesGcmSecretProtector.PrefixOf(IdOf(B)));
        var answers = sql[1];
        answers.ShouldContain("idempotency");
        answers.ShouldContain("GROUP BY");
        answers.ShouldContain(IdOf(A));
        answers.ShouldContain(IdOf(B));
        sql[2].ShouldContain("response_key_id");
    }

    [Fact]
    public void On_SQL_Server_the_checks_queries_are_valid_T_SQL()
    {
        foreach (var sql in Check("SqlServer").PrepareCheck())
        {
            Models.ParseTSql(sql);
        }
    }

    private static StoredSecrets Check(string provider)
    {
        var services = new ServiceCollection()
            .AddScoped(_ => provider switch
            {
                "Sqlite" => Models.Sqlite(),
                "Postgres" => Models.Postgres(),
                _ => Models.SqlServer(),
            })
            .BuildServiceProvider();
        return new StoredSecrets(services, Protector(secretKeys: $"{A},{B}"));
    }
}
