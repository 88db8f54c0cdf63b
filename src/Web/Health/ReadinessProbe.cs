namespace Invoicing.Web.Health;

/// <summary>
/// <c>healthcheck [URL]</c>: asks a running instance for <c>/health/ready</c> and exits 0 on 200, 1 otherwise. It is
/// the container's <c>HEALTHCHECK</c>, because the ASP.NET runtime image has neither curl nor wget. Without a URL it
/// asks <c>http://127.0.0.1:{first of ASPNETCORE_HTTP_PORTS, else 8080}/health/ready</c>. No host is built.
/// </summary>
internal static class ReadinessProbe
{
    public static bool IsReadinessProbe(string[] args) => args is ["healthcheck", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        var url = args is [_, var given] ? given : DefaultUrl(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(url);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"Not ready: {url} answered {(int)response.StatusCode}.");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            await error.WriteLineAsync($"Not ready: {url} did not answer ({e.GetType().Name}).");
            return 1;
        }
    }

    internal static string DefaultUrl(string? httpPorts)
    {
        var port = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        return $"http://127.0.0.1:{port}/health/ready";
    }
}
