using System.Text.RegularExpressions;
using Invoicing.Application.Events;
using Invoicing.Domain.Common;
using Invoicing.Domain.Invoices;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.UnitTests.SqlServer;

/// <summary>
/// What can be measured of the bulk path decision without a server (docs/decisions/0030): the statements EF's own
/// batching would send for a batch of 1000 invoices and their 1000 events on SQL Server, counted from the commands it
/// hands to the connection. The bulk path sends the same rows as two bulk loads instead. Times need a real server.
/// </summary>
public sealed partial class SqlServerBatchingTests
{
    [Fact]
    public async Task EFs_own_batching_sends_a_batch_of_a_thousand_in_dozens_of_round_trips_with_a_parameter_per_value()
    {
        await using var server = new OfflineSqlServer();
        await using var scope = server.Scope();
        var service = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        // EF alone: a plain context on the service's model and the offline connection, without the bulk path (the save pipeline's).
        var interceptors = ((IInfrastructure<IServiceProvider>)service).GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!
            .Where(i => i is not SaveChangesPipeline);

        await using var db = new DbContext(new DbContextOptionsBuilder().UseSqlServer(OfflineSqlServer.ConnectionString).UseModel(service.Model).AddInterceptors(interceptors).Options);
        var originating = Guid.CreateVersion7();
        for (var i = 0; i < 1000; i++)
        {
            var invoice = Invoice.Create(new InvoiceTerms(1000, 0, "eur", new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), $"N-{i}", null, originating, Guid.CreateVersion7()), DateTimeOffset.UtcNow);
            db.Add(invoice).Property(nameof(Invoice.Environment)).CurrentValue = ApiEnvironment.Test;
            foreach (var raised in invoice.TakeDomainEvents())
            {
                db.Add(EventTypes.ToEvent(raised)).Property(nameof(Invoice.Environment)).CurrentValue = ApiEnvironment.Test;
            }
        }

        server.Commands.Clear();
        await db.SaveChangesAsync();
        var commands = server.Commands.ToList();

        var parameters = commands.Sum(c => Parameter().Count(c));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"EF batching, 1000 invoices + 1000 events on SQL Server: {commands.Count} commands, {parameters} parameters, {commands.Sum(c => c.Length)} characters of SQL");
        commands.Count.ShouldBeGreaterThan(40); // EF's SQL Server batches hold at most 42 rows (measured: 48 commands)
        var columns = db.Model.FindEntityType(typeof(Invoice))!.GetProperties().Count() + db.Model.FindEntityType(typeof(Invoicing.Domain.Events.Event))!.GetProperties().Count();
        parameters.ShouldBe(1000 * columns); // one per column and row (measured: 22,000)
    }

    [GeneratedRegex(@"@p\d+\b")]
    private static partial Regex Parameter();
}
