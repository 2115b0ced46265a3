using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Identity;

/// <summary>
/// The forms that send e-mail on a visitor's word send at most a few to one address and from one client, and answer
/// exactly as before past the limit, so they neither flood an inbox nor tell which addresses have accounts. Found from
/// outside: 25 "forgot password" posts for one address in 5.7 s sent 25 mails.
/// </summary>
public sealed class MailLimitTests(MailLimitTests.Fixture fixture) : IClassFixture<MailLimitTests.Fixture>
{
    private MarketplaceApp App => fixture.App;

    private TestOutbox Outbox => fixture.Outbox;

    [Theory]
    [InlineData("banjir.surel@example.id", true)]
    [InlineData("banjir.tiada@example.id", false)]
    public async Task Twenty_five_reset_requests_at_once_for_one_address_send_three_mails_and_all_answer_alike(string email, bool hasAccount)
    {
        if (hasAccount)
        {
            await TestUsers.CreateAsync(App, email, Roles.Shopper);
        }

        var pages = await Task.WhenAll(Enumerable.Range(1, 25).Select(async i =>
        {
            using var response = await App.CreateBrowserClient($"192.0.2.{i}").SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return (await FormPost.ParseAsync(response)).QuerySelector("main")!.TextContent;
        }));

        pages.Distinct().Should().ContainSingle("the 4th to 25th answer as the first three");
        (await DeliveredAsync(email)).Should().Be(Fixture.PerRecipient, App.Errors.Describe());
    }

    [Fact]
    public async Task One_client_address_gets_its_share_of_mails_across_recipients()
    {
        var client = App.CreateBrowserClient("203.0.113.77");
        var recipients = Enumerable.Range(1, Fixture.PerAddress + 2).Select(i => $"sebar.{i}@example.id").ToList();
        foreach (var recipient in recipients)
        {
            using var response = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = recipient });
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var delivered = 0;
        foreach (var recipient in recipients)
        {
            delivered += await DeliveredAsync(recipient);
        }

        delivered.Should().Be(Fixture.PerAddress);
    }

    [Fact]
    public async Task Without_a_site_address_links_in_mail_are_on_the_server_s_own_address_not_the_host_a_request_named()
    {
        await TestUsers.CreateAsync(App, "tanpa.alamat@example.id", Roles.Shopper);
        var forged = App.CreateBrowserClient("203.0.113.90");
        forged.DefaultRequestHeaders.Host = "penyerang.example";

        using (await forged.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "tanpa.alamat@example.id" }))
        {
        }

        var mail = await Outbox.WaitForAsync("tanpa.alamat@example.id");
        mail.TextBody.Should().Contain("http://localhost/Account/ResetPassword?code=").And.NotContain("penyerang.example");
    }

    /// <summary>How many mails reached <paramref name="email"/>, once none is left queued for it.</summary>
    private async Task<int> DeliveredAsync(string email)
    {
        await Eventually.WaitForAsync(
            async () =>
            {
                using var scope = App.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().OutgoingEmails.CountAsync(m => m.ToAddress == email);
            },
            queued => queued == 0,
            $"the mails to {email} to leave the queue");
        return (await Outbox.AllToAsync(email)).Count;
    }

    public sealed class Fixture : AppFixture
    {
        public const int PerRecipient = 3;

        public const int PerAddress = 5;

        public TestOutbox Outbox { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(Outbox.Settings)
        {
            ["MailThrottle:PerRecipient"] = PerRecipient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MailThrottle:PerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Outbox.Dispose();
        }
    }
}
