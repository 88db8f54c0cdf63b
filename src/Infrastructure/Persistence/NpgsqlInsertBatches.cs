using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;

// Npgsql's batch and its constructor are EF's "internal" API (usable, not covered by semantic versioning): a minor
// upgrade may change them, and the tests that count a POST's statements and transactions say so (docs/decisions/0048).
#pragma warning disable EF1001
using Npgsql.EntityFrameworkCore.PostgreSQL.Update.Internal;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// Npgsql's batches, with one rule changed (docs/decisions/0048): a batch of nothing but INSERTs needs no transaction
/// of EF's. PostgreSQL runs the statements sent together up to one Sync, as Npgsql sends a batch, as one implicit
/// transaction: each INSERT stores its row or fails the whole batch, so the batch commits whole or not at all, in one
/// round trip instead of BEGIN with the batch, then COMMIT. EF still begins a transaction when the save takes more
/// than one batch, or when a batch updates or deletes: EF checks their rows affected after the batch has run, and a
/// mismatch must still undo the batch.
/// </summary>
internal sealed class NpgsqlInsertBatchFactory(ModificationCommandBatchFactoryDependencies dependencies, IDbContextOptions options)
    : IModificationCommandBatchFactory
{
    /// <summary>Npgsql's own default when the options set none.</summary>
    private const int DefaultMaxBatchSize = 1000;

    private readonly int _maxBatchSize = RelationalOptionsExtension.Extract(options).MaxBatchSize ?? DefaultMaxBatchSize;

    public ModificationCommandBatch Create() => new InsertBatch(dependencies, _maxBatchSize);

    private sealed class InsertBatch(ModificationCommandBatchFactoryDependencies dependencies, int maxBatchSize)
        : NpgsqlModificationCommandBatch(dependencies, maxBatchSize)
    {
        public override bool RequiresTransaction =>
            base.RequiresTransaction && !ModificationCommands.All(c => c.EntityState == EntityState.Added);
    }
}
