using System.Net;
using PaperBot.Host.Tests.Web.Support;
using PaperBot.Host.Web;
using PaperBot.Testing.Http;

namespace PaperBot.Host.Tests.Web;

/// <summary>On Kestrel at a loopback port, as behind a reverse proxy on the same host.</summary>
public class TrustedProxyTests
{
    private static async Task<HttpStatusCode> SubscribeFromAsync(WebHost web, string clientIp, string email)
    {
        web.Client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        web.Client.DefaultRequestHeaders.Add("X-Forwarded-For", clientIp);
        return (await web.SubscribeAsync(email)).Response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_form_limit()
    {
        await using var web = await WebHost.StartAsync(kestrelPort: LoopbackPort.Free(), trustedProxies: "127.0.0.1");
        for (var i = 0; i < WebApp.PerClientLimit; i++)
            Assert.Equal(HttpStatusCode.OK, await SubscribeFromAsync(web, "203.0.113.7", $"reader{i}@example.org"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await SubscribeFromAsync(web, "203.0.113.7", "one-more@example.org"));
        Assert.Equal(HttpStatusCode.OK, await SubscribeFromAsync(web, "203.0.113.8", "someone-else@example.org"));
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored_so_it_cannot_dodge_the_limit()
    {
        await using var web = await WebHost.StartAsync(kestrelPort: LoopbackPort.Free());
        for (var i = 0; i < WebApp.PerClientLimit; i++)
            Assert.Equal(HttpStatusCode.OK, await SubscribeFromAsync(web, $"198.51.100.{i}", $"reader{i}@example.org"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await SubscribeFromAsync(web, "198.51.100.99", "one-more@example.org"));
    }
}
