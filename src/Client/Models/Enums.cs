using System.Text.Json.Serialization;

namespace Invoicing.Client;

/// <summary>The environment an object belongs to: the environment of the API key that created it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InvoicingEnvironment>))]
public enum InvoicingEnvironment
{
    /// <summary><c>test</c>: created with an <c>sk_test_…</c> key.</summary>
    [JsonStringEnumMemberName("test")]
    Test,

    /// <summary><c>live</c>: created with an <c>sk_live_…</c> key.</summary>
    [JsonStringEnumMemberName("live")]
    Live,
}

/// <summary>Where an invoice is in its lifecycle (§5.2): created <c>open</c>; only an open invoice moves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InvoiceStatus>))]
public enum InvoiceStatus
{
    /// <summary><c>open</c>: may still be paid or voided.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary><c>paid</c>: final.</summary>
    [JsonStringEnumMemberName("paid")]
    Paid,

    /// <summary><c>void</c>: final.</summary>
    [JsonStringEnumMemberName("void")]
    Void,
}
