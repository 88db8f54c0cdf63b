using System.Net;
using System.Text.Json.Nodes;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// /docs in a real browser (Debian's headless Chromium driven by Playwright) against the service on a real
/// Kestrel port: a person authorizes with a test key, expands "Create an invoice", uses "Try it out" and gets
/// the 201. Without /usr/bin/chromium it skips, except with CI=true, where .ci/run installs it and it must run.
/// </summary>
public sealed class DocsPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_person_creates_an_invoice_from_the_docs_page_with_a_test_key()
    {
        if (!File.Exists(Chromium))
        {
            const string reason = "Docs page browser test skipped: " + Chromium + " is missing. Install Debian's chromium package (apt-get install chromium) to run it; with CI=true it is mandatory.";
            if (TestRun.IsCi)
            {
                throw new InvalidOperationException("CI=true: " + reason);
            }

            Assert.Skip(reason);
        }

        await using var factory = ApiFactory.Sqlite();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var key = (await factory.CreateKeyAsync(Domain.Common.ApiEnvironment.Test)).Secret;
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var acme = await client.CreateCounterpartyAsync("Acme Tires");
        var globex = await client.CreateCounterpartyAsync("Globex Fleet");
        var number = Http.UniqueNumber();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1600 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(address + "/docs");

        // The operations and the introduction render from /openapi/v1.json.
        var operation = page.Locator("#operations-Invoices-CreateInvoice");
        await operation.WaitForAsync();
        (await page.Locator(".information-container").InnerTextAsync()).ShouldContain("Idempotency");
        (await operation.Locator(".opblock-summary").InnerTextAsync()).ShouldContain("Create an invoice");

        // Authorize with the test key.
        await page.Locator(".auth-wrapper button.authorize").ClickAsync();
        await page.Locator(".modal-ux input").FillAsync(key);
        await page.Locator(".modal-ux .auth-btn-wrapper button.authorize").ClickAsync();
        await page.Locator(".modal-ux button.btn-done").ClickAsync();

        // Expand "Create an invoice", try it out with a real body, and execute.
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        var body = Http.Invoice(acme, globex, number);
        await operation.Locator("textarea.body-param__text").FillAsync(body.ToJsonString());
        await operation.Locator("button.execute").ClickAsync();

        var status = operation.Locator(".live-responses-table .response .response-col_status").First;
        await status.WaitForAsync();
        (await status.InnerTextAsync()).Trim().ShouldBe("201");
        var directory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory.FullName, "docs-create-invoice.png"), FullPage = true });

        var created = JsonNode.Parse(await operation.Locator(".live-responses-table .response .response-col_description pre").First.InnerTextAsync())!;
        created["invoice_number"]!.GetValue<string>().ShouldBe(number);
        var stored = await client.GetAsync($"/v1/invoices/{created["id"]!.GetValue<string>()}");
        stored.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stored.JsonAsync()).GetProperty("environment").GetString().ShouldBe("test");
    }
}
