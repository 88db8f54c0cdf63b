using Invoicing.Application.ApiKeys.CreateApiKey;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Infrastructure.Startup;

/// <summary>On a first start in Development with no keys at all, issues one test key and prints it once (§2).</summary>
internal static class DevelopmentKey
{
    public static async Task CreateIfFirstStartAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().ApiKeys.AnyAsync())
        {
            return;
        }

        var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateApiKeyCommand(ApiEnvironment.Test, "development"));
        await output.WriteLineAsync("First start with an empty database: created a test API key. It is shown once; store it now:");
        await output.WriteLineAsync(created.Secret);
    }
}
