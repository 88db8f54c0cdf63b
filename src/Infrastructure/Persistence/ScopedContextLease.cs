using Invoicing.Application.Common.Interfaces;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// A scope's hold on one pooled <see cref="ApplicationDbContext"/> (docs/decisions/0022, 0026): it binds the context to
/// the scope's environment, and its disposal at the end of the scope is the one thing that returns the context to the
/// pool. The context's own <c>Dispose</c>, which the container calls once for every service that handed it out, does
/// nothing while it is lent.
/// </summary>
internal sealed class ScopedContextLease : IAsyncDisposable, IDisposable
{
    public ScopedContextLease(ApplicationDbContext context, ICurrentEnvironment environment)
    {
        Context = context;
        context.LendTo(environment);
    }

    private int _returned;

    public ApplicationDbContext Context { get; }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _returned, 1) == 0 ? Context.ReturnAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            Context.Return();
        }
    }
}
