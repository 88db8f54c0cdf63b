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

// `keys …` and `secrets …` are commands of this program, not host configuration (keys' --environment is not the host's).
var keysCommand = KeysCommand.IsKeysCommand(args);
// The slim builder: no IIS integration, HTTP/3, hosting-startup assemblies or extra logging providers to load at start
// (Serilog is the logger); Kestrel's HTTPS endpoints from configuration are added back (docs/decisions/0049).
var builder = WebApplication.CreateSlimBuilder(keysCommand ? [] : args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddLogging();
builder.Services.AddApplication().AddInfrastructure(builder.Configuration).AddWeb();

var app = builder.Build();
if (!app.ValidateOptionsOnStart(Console.Error))
{
    return 1;
}

if (keysCommand)
{
    return await KeysCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

// Serving answers at once; migrations and the bootstrap keys follow in the background, retried until the database is there.
app.UseApi();
return await app.ServeAsync();
