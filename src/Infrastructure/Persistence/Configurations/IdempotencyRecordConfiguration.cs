using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <summary>The claim: one record per environment and key. Inserting a second one fails, which is what "in use" means.</summary>
    public const string UniqueKeyIndex = "UX_idempotency_keys_environment_key";

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestMethod).HasMaxLength(16);
        builder.Property(r => r.RequestPath).HasMaxLength(IdempotencyRecord.PathMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ResponseContentType).HasMaxLength(255);
        builder.Property(r => r.ResponseLocation).HasMaxLength(IdempotencyRecord.PathMaxLength);
        builder.Property(r => r.ResponseKeyId).HasMaxLength(32);
        builder.Ignore(r => r.Response);

        builder.HasIndex(r => new { r.Environment, r.Key }).IsUnique().HasDatabaseName(UniqueKeyIndex);
        builder.HasIndex(r => r.CreatedAt);
    }
}
