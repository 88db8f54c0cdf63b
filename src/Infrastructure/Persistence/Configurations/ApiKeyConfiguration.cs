using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Ignore(k => k.IsRevoked);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.Prefix).IsUnique();
    }
}
