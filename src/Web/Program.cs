using Invoicing.Application;
using Invoicing.Infrastructure;
using Invoicing.Web;
using Invoicing.Web.ApiKeys;
using Invoicing.Web.Health;

// `healthcheck` is the container's readiness probe: it asks a running instance and builds no host of its own.
if (ReadinessProbe.IsReadinessProbe(args))
{
    return await ReadinessProbe.RunAsync(args, Console.Error);
}

// `keys …` is a command of this program, not host configuration (its --environment is not the host's).
var keysCommand = KeysCommand.IsKeysCommand(args);
var builder = WebApplication.CreateBuilder(keysCommand ? [] : args);
builder.AddLogging();
builder.Services.AddApplication().AddInfrastructure(builder.Configuration).AddWeb();

var app = builder.Build();
if (!app.ValidateOptionsOnStart(Console.Error))
{
    return 1;
}

await app.MigrateDatabaseAsync();
if (keysCommand)
{
    return await KeysCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (!await app.EnsureBootstrapKeysAsync(Console.Error))
{
    return 1;
}

if (app.Environment.IsDevelopment())
{
    await DevelopmentKey.CreateIfFirstStartAsync(app.Services, Console.Out);
}

app.UseApi();
await app.RunAsync();
return 0;
