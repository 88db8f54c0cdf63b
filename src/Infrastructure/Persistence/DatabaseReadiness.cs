namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// Whether the start-up database work (migrations, then what the host adds to it) has completed
/// (docs/decisions/0025). Until then the background jobs wait, readiness answers 503 and <c>/v1</c> is not served.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public void MarkReady() => _ready.TrySetResult();

    /// <summary>Completes once the database is ready; throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}
