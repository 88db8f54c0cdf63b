using System.Text.Json;
using Invoicing.Application.Common.Json;
using Invoicing.Application.Events;

namespace Invoicing.UnitTests.Events;

/// <summary>An event's stored resource as it is rendered, also one stored before resources had metadata.</summary>
public sealed class EventDataTests
{
    private static string Render(EventData data) => JsonSerializer.Serialize(data, ApiJson.Options);

    [Fact]
    public void A_resource_stored_before_metadata_existed_is_rendered_with_empty_metadata_before_created_at()
    {
        var data = EventData.Parse("""{"object":"counterparty","id":"x","name":"Acme","email":null,"created_at":"2026-01-01T00:00:00Z"}""");

        Render(data).ShouldBe("""{"object":{"object":"counterparty","id":"x","name":"Acme","email":null,"metadata":{},"created_at":"2026-01-01T00:00:00Z"}}""");
    }

    [Fact]
    public void A_resource_with_metadata_and_previous_attributes_is_rendered_as_stored()
    {
        var data = EventData.Parse(
            """{"object":"counterparty","id":"x","name":"Acme","email":null,"metadata":{"a":"1"},"created_at":"2026-01-01T00:00:00Z"}""",
            """{"name":"Old"}""");

        Render(data).ShouldBe("""{"object":{"object":"counterparty","id":"x","name":"Acme","email":null,"metadata":{"a":"1"},"created_at":"2026-01-01T00:00:00Z"},"previous_attributes":{"name":"Old"}}""");
    }
}
