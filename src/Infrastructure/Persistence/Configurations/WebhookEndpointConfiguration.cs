using Invoicing.Domain.Common;
using Invoicing.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        builder.Property(w => w.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);

        // Event types never contain spaces: stored space-separated, the same on both providers.
        builder.Property(w => w.EnabledEvents)
            .HasConversion(
                v => string.Join(' ', v),
                v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                new ValueComparer<IReadOnlyList<string>>((a, b) => SameEvents(a!, b!), v => HashOf(v), v => v.ToArray()))
            .HasMaxLength(1000);
        builder.Property(w => w.ProtectedSecret).HasMaxLength(200);
        builder.Property(w => w.Metadata).HasMetadataConversion();

        builder.HasIndex(w => new { w.Environment, w.Id });
    }

    // Called from the comparer's expressions rather than nested in them: EF compiles them, and a nested lambda would be a
    // new delegate at every call. Internal, not private: the compiled models (Persistence/CompiledModels) call them too.
    internal static bool SameEvents(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.SequenceEqual(b);

    internal static int HashOf(IReadOnlyList<string> events) =>
        events.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal)));
}
