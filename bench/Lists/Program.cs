using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Invoicing.Application.ApiKeys.CreateApiKey;
using Invoicing.Domain.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invoicing.Bench;

internal static class Benchmark
{
    public static async Task<int> Main(string[] args)
    {
        // Seeds invoices into a throwaway PostgreSQL and measures list pages through the real service.
        // Usage: dotnet run -c Release --project bench [-- --rows 1000000 --deep 900000 --iterations 200]
        var rows = Option("--rows", 1_000_000);
        var deep = Option("--deep", 900_000);
        var iterations = Option("--iterations", 200);
        if (deep >= rows)
        {
            throw new ArgumentException("--deep must be smaller than --rows.");
        }

        Console.WriteLine($"Starting a throwaway PostgreSQL …");
        await using var server = await ThrowawayPostgres.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("invoicing_bench");
        await using var app = new BenchApp(connectionString);
        _ = app.Server; // starts the service; its migrations run in the background (docs/decisions/0025)
        using (var probe = app.CreateClient())
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await probe.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The service did not become ready within 60 s.");
                }

                await Task.Delay(50);
            }
        }

        // A key per environment and twenty counterparties in each, through the service itself (an invoice refers to
        // counterparties of its own environment: the foreign keys hold it).
        CreatedApiKey key, liveKey;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            key = await mediator.Send(new CreateApiKeyCommand(ApiEnvironment.Test, "bench"));
            liveKey = await mediator.Send(new CreateApiKeyCommand(ApiEnvironment.Live, "bench"));
        }

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        using var liveClient = app.CreateClient();
        liveClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", liveKey.Secret);
        var counterparties = new List<Guid>();
        var liveCounterparties = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            counterparties.Add(await CreateCounterpartyAsync(client, $"Counterparty {i}"));
            liveCounterparties.Add(await CreateCounterpartyAsync(liveClient, $"Counterparty {i}"));
        }

        var originating = counterparties[1];

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();

        // Invoice n gets a UUIDv7 of millisecond base + n, so row n is the n-th oldest; a third each open, paid,
        // void; originating counterparty one of 20 in turn. Every 11th row is a live invoice, so the test
        // environment holds `rows` invoices among rows + rows / 10.
        var total = rows + (rows / 10);
        Console.WriteLine($"Seeding {rows:N0} test invoices among {total:N0} (INSERT … SELECT generate_series) …");
        var seeding = Stopwatch.StartNew();
        var baseMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - rows - 60_000;
        await ExecuteAsync(
            """
            INSERT INTO invoices (id, environment, status, amount_cents, discount_amount_cents, currency, invoice_date, invoice_due_date,
                                  invoice_number, note, originating_counterparty_id, receiving_counterparty_id, created_at, updated_at, paid_at, voided_at)
            SELECT (lpad(to_hex(@base + n), 12, '0') || '7000' || '8000' || lpad(to_hex(n), 12, '0'))::uuid,
                   CASE WHEN n % 11 = 0 THEN 'live' ELSE 'test' END,
                   CASE n % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'paid' ELSE 'void' END,
                   10000 + n % 1000, 0, 'usd',
                   date '2020-01-01' + (n % 1500)::int, date '2020-01-01' + (n % 1500)::int + 30,
                   'BENCH-' || n, NULL,
                   (CASE WHEN n % 11 = 0 THEN @live ELSE @counterparties END)[1 + n % 20],
                   (CASE WHEN n % 11 = 0 THEN @live ELSE @counterparties END)[1 + (n + 1) % 20],
                   to_timestamp((@base + n) / 1000.0), to_timestamp((@base + n) / 1000.0),
                   CASE WHEN n % 3 = 1 THEN to_timestamp((@base + n) / 1000.0) END,
                   CASE WHEN n % 3 = 2 THEN to_timestamp((@base + n) / 1000.0) END
            FROM generate_series(1, @rows) AS n
            """,
            ("base", baseMs),
            ("counterparties", counterparties.ToArray()),
            ("live", liveCounterparties.ToArray()),
            ("rows", (long)total));
        await ExecuteAsync("VACUUM ANALYZE invoices");
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F0} s.");

        // The cursor: the deep-th test invoice, newest first (found once with OFFSET; the service never uses one).
        var cursor = (Guid)(await ScalarAsync(
            "SELECT id FROM invoices WHERE environment = 'test' ORDER BY id DESC OFFSET @skip LIMIT 1", ("skip", deep - 1)))!;

        // Lookups (§10): an invoice number near the top and one 900,000 deep (row n's number is BENCH-n); and a
        // created range covering the test invoices from 950,000 deep to 50,000 deep (whole seconds, as the API
        // compares), whose deep page is after the same cursor.
        var newestNumber = (string)(await ScalarAsync("SELECT invoice_number FROM invoices WHERE environment = 'test' ORDER BY id DESC LIMIT 1"))!;
        var deepNumber = (string)(await ScalarAsync("SELECT invoice_number FROM invoices WHERE id = @id", ("id", cursor)))!;
        async Task<string> CreatedAtDepthAsync(int depth)
        {
            var created = (DateTime)(await ScalarAsync(
                "SELECT created_at FROM invoices WHERE environment = 'test' ORDER BY id DESC OFFSET @skip LIMIT 1", ("skip", depth - 1)))!;
            return created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        var (rangeFrom, rangeTo) = (await CreatedAtDepthAsync(rows - (rows / 20)), await CreatedAtDepthAsync(rows / 20));
        var range = $"created[gte]={rangeFrom}&created[lte]={rangeTo}";

        var cases = new (string Name, string Url)[]
        {
            ("first page, limit 10", "/v1/invoices?limit=10"),
            ($"deep page (after {deep:N0}), limit 10", $"/v1/invoices?limit=10&starting_after={cursor}"),
            ("first page, limit 100", "/v1/invoices?limit=100"),
            ($"deep page (after {deep:N0}), limit 100", $"/v1/invoices?limit=100&starting_after={cursor}"),
            ("first page, status=paid, limit 10", "/v1/invoices?limit=10&status=paid"),
            ($"deep page, status=paid, limit 10", $"/v1/invoices?limit=10&status=paid&starting_after={cursor}"),
            ("first page, originating_counterparty_id, limit 10", $"/v1/invoices?limit=10&originating_counterparty_id={originating}"),
            ($"deep page, originating_counterparty_id, limit 10", $"/v1/invoices?limit=10&originating_counterparty_id={originating}&starting_after={cursor}"),
            ("invoice_number of the newest invoice", $"/v1/invoices?limit=10&invoice_number={newestNumber}"),
            ($"invoice_number of the invoice {deep:N0} deep", $"/v1/invoices?limit=10&invoice_number={deepNumber}"),
            ("first page, created range, limit 10", $"/v1/invoices?limit=10&{range}"),
            ("deep page, created range, limit 10", $"/v1/invoices?limit=10&{range}&starting_after={cursor}"),
            ("first page, created range and status=paid, limit 10", $"/v1/invoices?limit=10&{range}&status=paid"),
            ("deep page, created range and status=paid, limit 10", $"/v1/invoices?limit=10&{range}&status=paid&starting_after={cursor}"),
        };

        Console.WriteLine($"Measuring {iterations} requests per case (after {iterations / 10} warm-up requests), cases interleaved …");
        foreach (var (_, url) in cases)
        {
            for (var i = 0; i < iterations / 10; i++)
            {
                await GetAsync(url);
            }
        }

        var timings = cases.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                await GetAsync(cases[c].Url);
                timings[c].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| case ({rows:N0} invoices) | median ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine($"| {cases[c].Name} | {Percentile(timings[c], 0.5):F2} | {Percentile(timings[c], 0.95):F2} |");
        }

        for (var pair = 0; pair < cases.Length; pair += 2)
        {
            Console.WriteLine($"deep / first ({cases[pair].Name}): {Percentile(timings[pair + 1], 0.5) / Percentile(timings[pair], 0.5):F2}×");
        }

        Console.WriteLine();
        Console.WriteLine($"created range: {range}");
        foreach (var c in new[] { 1, 5, 6, 8, 9, 10, 11, 13 })
        {
            await GetAsync(cases[c].Url);
            var (sql, parameters) = app.Commands.Last!.Value;
            Console.WriteLine();
            Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS) of the query the service ran for: {cases[c].Name}");
            Console.WriteLine(sql);
            Console.WriteLine("-- parameters: " + string.Join(", ", parameters.Select(p => $"{p.Name} = {p.Value}")));
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, db);
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine(reader.GetString(0));
            }
        }

        return 0;

        int Option(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        static async Task<Guid> CreateCounterpartyAsync(HttpClient http, string name)
        {
            using var response = await http.PostAsync("/v1/counterparties", new StringContent($$"""{"name":"{{name}}"}""", System.Text.Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("id").GetGuid();
        }

        async Task GetAsync(string url)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode || body.Length < 50)
            {
                throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            }
        }

        async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
        }

        async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, db);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return await command.ExecuteScalarAsync();
        }

        static double Percentile(List<double> values, double p)
        {
            var sorted = values.Order().ToList();
            return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
        }
    }
}
