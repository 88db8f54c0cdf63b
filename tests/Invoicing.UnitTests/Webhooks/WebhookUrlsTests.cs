using System.Net;
using Invoicing.Application.Webhooks;

namespace Invoicing.UnitTests.Webhooks;

/// <summary>The SSRF guard: which addresses count as loopback or private.</summary>
public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Private_addresses_are_private(string address) =>
        WebhookUrls.IsPrivate(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void Public_addresses_are_not(string address) =>
        WebhookUrls.IsPrivate(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("https://hooks.example.com/x", true, false)]
    [InlineData("http://localhost:8080/x", true, true)]
    [InlineData("http://LOCALHOST./x", true, true)]
    [InlineData("http://[::1]/x", true, true)]
    [InlineData("https://10.0.0.5/x", true, true)]
    [InlineData("ftp://hooks.example.com/x", false, false)]
    [InlineData("hooks.example.com/x", false, false)]
    [InlineData("https://hooks.example.com/a b", false, false)]
    public void Urls_are_checked_for_form_and_host(string url, bool valid, bool isPrivate)
    {
        WebhookUrls.IsValid(url).ShouldBe(valid);
        WebhookUrls.IsPrivate(url).ShouldBe(isPrivate);
    }
}
