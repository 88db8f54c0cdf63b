using System.Globalization;
using System.Net;
using System.Text.Json;
using Invoicing.Application.Events;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// <c>created[gte]</c> / <c>created[lte]</c> on the invoice, counterparty and event lists, and the lookup by
/// <c>invoice_number</c> beside them (§10, docs/decisions/0040): inclusive bounds in whole seconds, every other filter,
/// both cursors, each environment alone, and bad values as field errors.
/// </summary>
public abstract class CreatedRangeTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task Created_bounds_are_inclusive_to_the_second_on_every_list_in_its_own_environment()
    {
        using var slot = await CreationSlots.TakeAsync(Cancellation);
        await using var instance = Factory.OnSameDatabase(slot.Clock);
        var s = await SeedAsync(slot, instance);

        // Whole seconds as the API writes created_at: 11.25 s is in second 11, 13.999 s in second 13.
        (await InvoicesAsync(s.Test, Range(slot, 11, 13))).ShouldBe([s.I3, s.I2, s.I1]);
        (await InvoicesAsync(s.Test, Range(slot, 12, 12))).ShouldBe([s.I2]);
        (await InvoicesAsync(s.Test, Range(slot, 10, null))).ShouldBe([s.I5, s.I4, s.I3, s.I2, s.I1, s.I0]);
        (await InvoicesAsync(s.Test, Range(slot, null, 10))).First().ShouldBe(s.I0); // then the class's earlier tests' invoices
        (await InvoicesAsync(s.Test, Range(slot, 14, null))).ShouldBe([s.I5, s.I4]);

        // A bound within a second: gte starts at the next whole second, lte ends with its own.
        (await InvoicesAsync(s.Test, Range(slot, 11.5, 13.5))).ShouldBe([s.I3, s.I2]);
        (await InvoicesAsync(s.Test, Range(slot, 11.25, 13.999))).ShouldBe([s.I3, s.I2]);
        (await InvoicesAsync(s.Test, Range(slot, 10.999, 11.001))).ShouldBe([s.I1]);

        // Any RFC 3339 spelling of the same instants: an offset (+ escaped), lowercase t and z, nine fraction digits.
        var plusTwo = slot.At(11).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss'%2B02:00'", CultureInfo.InvariantCulture);
        var minusFive = slot.At(13).ToOffset(TimeSpan.FromHours(-5.5)).ToString("yyyy-MM-dd'T'HH:mm:ss.000000000'-05:30'", CultureInfo.InvariantCulture);
        var lowercase = Stamp(slot.At(12)).Replace('T', 't').Replace('Z', 'z');
        (await InvoicesAsync(s.Test, $"&created[gte]={plusTwo}&created[lte]={minusFive}")).ShouldBe([s.I3, s.I2, s.I1]);
        (await InvoicesAsync(s.Test, $"&created%5Bgte%5D={lowercase}&created%5Blte%5D={lowercase}")).ShouldBe([s.I2]);

        // Bounds that cross are an empty list, as in Stripe, not an error.
        var crossed = await (await s.Test.GetAsync($"/v1/invoices?{Range(slot, 14, 13)[1..]}", Cancellation)).JsonAsync();
        crossed.GetProperty("data").GetArrayLength().ShouldBe(0);
        crossed.GetProperty("has_more").GetBoolean().ShouldBeFalse();

        // Each environment sees its own items only, in the same seconds.
        (await InvoicesAsync(s.Live, Range(slot, 0, 40))).ShouldBe([s.LiveInvoice]);
        (await IdsAsync(s.Test, "/v1/counterparties", Range(slot, 0, 40))).ShouldBe([s.C, s.B, s.A]);
        (await IdsAsync(s.Test, "/v1/counterparties", Range(slot, 1, 1))).ShouldBe([s.B]);
        (await IdsAsync(s.Live, "/v1/counterparties", Range(slot, 0, 40))).ShouldBe([s.LiveB, s.LiveA]);

        // Events: every change in the range, of the key's environment; with a type; the later pay and void alone.
        var events = await EventsAsync(s.Test, Range(slot, 0, 40));
        events.Select(e => e.Type).ShouldBe([
            "invoice.voided", "invoice.paid",
            "invoice.created", "invoice.created", "invoice.created", "invoice.created", "invoice.created", "invoice.created",
            "counterparty.created", "counterparty.created", "counterparty.created",
        ]);
        (await EventsAsync(s.Test, Range(slot, 11, 13) + "&type=invoice.created")).Select(e => e.Object).ShouldBe([s.I3, s.I2, s.I1]);
        (await EventsAsync(s.Test, Range(slot, 30, null))).Select(e => (e.Type, e.Object)).ShouldBe([("invoice.voided", s.I3), ("invoice.paid", s.I1)]);
        (await EventsAsync(s.Live, Range(slot, 0, 40))).Select(e => e.Object).ShouldBe([s.LiveInvoice, s.LiveB, s.LiveA]);
    }

    [Fact]
    public async Task An_invoice_number_and_a_created_range_narrow_each_other()
    {
        using var slot = await CreationSlots.TakeAsync(Cancellation);
        await using var instance = Factory.OnSameDatabase(slot.Clock);
        var s = await SeedAsync(slot, instance);

        (await InvoicesAsync(s.Test, $"&invoice_number={s.Shared}")).ShouldBe([s.I4, s.I2]);
        (await InvoicesAsync(s.Test, $"&invoice_number={s.Shared}{Range(slot, null, 13)}")).ShouldBe([s.I2]);
        (await InvoicesAsync(s.Test, $"&invoice_number={s.Shared}{Range(slot, 13, null)}")).ShouldBe([s.I4]);
        (await InvoicesAsync(s.Test, $"&invoice_number={s.Shared}{Range(slot, 15, 40)}")).ShouldBeEmpty();
        (await InvoicesAsync(s.Test, $"&invoice_number={s.Shared}&originating_counterparty_id={s.A}{Range(slot, 10, 20)}")).ShouldBe([s.I4]);
        (await InvoicesAsync(s.Live, $"&invoice_number={s.Shared}{Range(slot, 12, 12)}")).ShouldBe([s.LiveInvoice]);
    }

    public static TheoryData<int> Limits => [1, 2, 4];

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task A_created_range_with_other_filters_pages_through_each_match_once_in_order_with_either_cursor(int limit)
    {
        using var slot = await CreationSlots.TakeAsync(Cancellation);
        await using var instance = Factory.OnSameDatabase(slot.Clock);
        var s = await SeedAsync(slot, instance);

        var cases = new (string Query, Guid[] Expected)[]
        {
            (Range(slot, 10, 20), [s.I5, s.I4, s.I3, s.I2, s.I1, s.I0]),
            (Range(slot, 10, 14) + "&status=open", [s.I4, s.I2, s.I0]),
            (Range(slot, 11, 14) + $"&originating_counterparty_id={s.A}", [s.I4, s.I3, s.I1]),
            (Range(slot, 12, null) + $"&receiving_counterparty_id={s.B}", [s.I4, s.I3]),
            (Range(slot, 11, 20) + "&status=paid", [s.I1]),
            (Range(slot, 10, 13) + "&invoice_date[gte]=2021-01-02", [s.I3, s.I2, s.I1]),
        };
        foreach (var (query, expected) in cases)
        {
            var forwards = await ListTests.WalkAsync(s.Test, "/v1/invoices", query, limit, "starting_after");
            forwards.ShouldBe([.. expected]);

            // Backwards from the oldest: every other match, once, newest first again.
            var backwards = await ListTests.WalkAsync(s.Test, "/v1/invoices", query + $"&ending_before={forwards[^1]}", limit, "ending_before");
            backwards.ShouldBe(forwards[..^1]);
        }

        // A cursor need not lie in the range: its position is its id (docs/decisions/0009).
        (await InvoicesAsync(s.Test, Range(slot, 11, 13) + $"&starting_after={s.I5}")).ShouldBe([s.I3, s.I2, s.I1]);
        (await InvoicesAsync(s.Test, Range(slot, 11, 13) + $"&ending_before={s.I0}")).ShouldBe([s.I3, s.I2, s.I1]);
        (await InvoicesAsync(s.Test, Range(slot, 11, 13) + $"&starting_after={s.I2}")).ShouldBe([s.I1]);
        (await IdsAsync(s.Test, "/v1/counterparties", Range(slot, 0, 2) + $"&starting_after={s.C}")).ShouldBe([s.B, s.A]);
        var events = await ListTests.WalkAsync(s.Test, "/v1/events", Range(slot, 10, 31), limit, "starting_after");
        events.Count.ShouldBe(8);
        (await ListTests.WalkAsync(s.Test, "/v1/events", Range(slot, 10, 31) + $"&ending_before={events[^1]}", limit, "ending_before")).ShouldBe(events[..^1]);
    }

    [Theory]
    [InlineData("created[gte]=2026-12-05", "created[gte] invalid")]
    [InlineData("created%5Blte%5D=2026-12-05T07:00:00", "created[lte] invalid")]
    [InlineData("created[gte]=2026-12-05T07:00:00+01:00", "created[gte] invalid")] // an unescaped + arrives as a space
    [InlineData("created[gte]=2026-12-05%2007:00:00Z", "created[gte] invalid")]
    [InlineData("created[gte]=2026-12-05T07:00Z", "created[gte] invalid")]
    [InlineData("created[lte]=2026-02-30T00:00:00Z", "created[lte] invalid")]
    [InlineData("created[lte]=2026-12-05T24:00:00Z", "created[lte] invalid")]
    [InlineData("created[lte]=2026-12-31T23:59:60Z", "created[lte] invalid")]
    [InlineData("created[gte]=2026-12-05T07:00:00%2B24:00", "created[gte] invalid")]
    [InlineData("created[gte]=0001-01-01T00:30:00%2B01:00", "created[gte] invalid")]
    [InlineData("created[gte]=1764918000", "created[gte] invalid")]
    [InlineData("created[lte]=", "created[lte] invalid")]
    [InlineData("created[lte]=2026-12-05T07:00:00Z%0A", "created[lte] invalid")]
    public async Task A_bad_created_bound_is_a_field_error_named_as_the_parameter_on_every_list(string query, string error)
    {
        var client = await Factory.ClientAsync();

        foreach (var path in new[] { "/v1/invoices", "/v1/counterparties", "/v1/events" })
        {
            var response = await client.GetAsync($"{path}?{query}", Cancellation);

            (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors()
                .ShouldBe([$"{error} Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm:ss[.uuuuuu](Z|+HH:MM|-HH:MM)."]);
        }
    }

    [Fact]
    public async Task Bad_created_bounds_are_reported_with_every_other_bad_parameter_at_once()
    {
        var client = await Factory.ClientAsync();
        const string Format = "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm:ss[.uuuuuu](Z|+HH:MM|-HH:MM).";
        const string Twice = "created[lte] invalid This parameter may be given only once.";

        var invoices = await client.GetAsync("/v1/invoices?limit=0&status=draft&invoice_date[lte]=2026-12-05T07:00:00Z&created[gte]=yesterday&created[lte]=2026-12-05T07:00:00Z&created[lte]=2026-12-06T07:00:00Z", Cancellation);
        var counterparties = await client.GetAsync("/v1/counterparties?limit=101&created[gte]=2026-12-05T07:00:00&created[lte]=2026-12-05T07:00:00Z&created[lte]=2026-12-06T07:00:00Z", Cancellation);
        var events = await client.GetAsync("/v1/events?type=nope&created[gte]=2026-13-01T00:00:00Z&created[lte]=now", Cancellation);

        (await invoices.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            "limit min_value Ensure this value is greater than or equal to 1.",
            "status invalid Must be one of: open, paid, void.",
            "invoice_date[lte] invalid Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            $"created[gte] invalid {Format}",
            Twice,
        ]);
        (await counterparties.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            "limit max_value Ensure this value is less than or equal to 100.",
            $"created[gte] invalid {Format}",
            Twice,
        ]);
        (await events.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([
            $"type invalid Must be one of: {string.Join(", ", EventTypes.All)}.",
            $"created[gte] invalid {Format}",
            $"created[lte] invalid {Format}",
        ]);
    }

    /// <summary>
    /// At known times after the slot's start (seconds): test counterparties A 0, B 1, C 2 and live ones 3, 4; test invoices
    /// I0 10 (A→B), I1 11.25 (A→C), I2 12 (B→C, number <see cref="Seeded.Shared"/>), I3 13.999 (A→B), I4 14 (A→B, the same
    /// number), I5 20 (C→A); the live invoice 12.5 (the same number); I1 paid at 30, I3 voided at 31. Invoice dates are
    /// 2021-01-01 for I0, the 2nd for the others.
    /// </summary>
    private static async Task<Seeded> SeedAsync(CreationSlots.Slot slot, ApiFactory instance)
    {
        var test = await instance.ClientAsync(ApiEnvironment.Test);
        var live = await instance.ClientAsync(ApiEnvironment.Live);
        var shared = Http.UniqueNumber();
        async Task<Guid> Counterparty(HttpClient client, double at)
        {
            slot.MoveTo(at);
            return await client.CreateCounterpartyAsync($"At {at}");
        }

        async Task<Guid> Invoice(HttpClient client, double at, Guid from, Guid to, string? number = null, string date = "2021-01-02")
        {
            slot.MoveTo(at);
            var body = Http.Invoice(from, to, number);
            body["invoice_date"] = date;
            var response = await client.PostJsonAsync("/v1/invoices", body);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.JsonAsync()).GetProperty("id").GetGuid();
        }

        var (a, b, c) = (await Counterparty(test, 0), await Counterparty(test, 1), await Counterparty(test, 2));
        var (liveA, liveB) = (await Counterparty(live, 3), await Counterparty(live, 4));
        var i0 = await Invoice(test, 10, a, b, date: "2021-01-01");
        var i1 = await Invoice(test, 11.25, a, c);
        var i2 = await Invoice(test, 12, b, c, shared);
        var liveInvoice = await Invoice(live, 12.5, liveA, liveB, shared);
        var i3 = await Invoice(test, 13.999, a, b);
        var i4 = await Invoice(test, 14, a, b, shared);
        var i5 = await Invoice(test, 20, c, a);
        slot.MoveTo(30);
        (await test.PostAsync($"/v1/invoices/{i1}/pay", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        slot.MoveTo(31);
        (await test.PostAsync($"/v1/invoices/{i3}/void", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The created_at the API writes is the clock's, in whole seconds.
        var written = await (await test.GetAsync($"/v1/invoices/{i3}", Cancellation)).JsonAsync();
        written.GetProperty("created_at").GetString().ShouldBe(Stamp(slot.At(13)));
        return new Seeded(test, live, a, b, c, liveA, liveB, i0, i1, i2, i3, i4, i5, liveInvoice, shared);
    }

    /// <summary>The query-string part <c>&amp;created[gte]=…&amp;created[lte]=…</c> for seconds after the slot's start (either may be left out).</summary>
    private static string Range(CreationSlots.Slot slot, double? gte, double? lte) =>
        (gte is { } from ? $"&created[gte]={Stamp(slot.At(from))}" : string.Empty) + (lte is { } to ? $"&created[lte]={Stamp(slot.At(to))}" : string.Empty);

    /// <summary>RFC 3339 in UTC, with the fraction of a second only when there is one.</summary>
    private static string Stamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static Task<List<Guid>> InvoicesAsync(HttpClient client, string query) => IdsAsync(client, "/v1/invoices", query);

    /// <summary>One page of up to 100 ids, newest first.</summary>
    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path, string query) =>
        (await PageAsync(client, path, query)).Select(e => e.GetProperty("id").GetGuid()).ToList();

    private static async Task<List<(string Type, Guid Object)>> EventsAsync(HttpClient client, string query) =>
        (await PageAsync(client, "/v1/events", query))
            .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("data").GetProperty("object").GetProperty("id").GetGuid())).ToList();

    private static async Task<List<JsonElement>> PageAsync(HttpClient client, string path, string query)
    {
        var response = await client.GetAsync($"{path}?limit=100{query}", Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var page = await response.JsonAsync();
        return page.GetProperty("data").EnumerateArray().ToList();
    }

    private sealed record Seeded(
        HttpClient Test,
        HttpClient Live,
        Guid A,
        Guid B,
        Guid C,
        Guid LiveA,
        Guid LiveB,
        Guid I0,
        Guid I1,
        Guid I2,
        Guid I3,
        Guid I4,
        Guid I5,
        Guid LiveInvoice,
        string Shared);
}

public sealed class CreatedRangeTestsOnSqlite(SqliteApi api) : CreatedRangeTests(api), IClassFixture<SqliteApi>;

public sealed class CreatedRangeTestsOnPostgres(PostgresApi api) : CreatedRangeTests(api), IClassFixture<PostgresApi>;

public sealed class CreatedRangeTestsOnSqlServer(SqlServerApi api) : CreatedRangeTests(api), IClassFixture<SqlServerApi>;
