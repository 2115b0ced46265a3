using System.Net;
using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Admin;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.Web.Tests.Identity;

/// <summary>
/// The paths by which a stolen session or a forged link could take an account. Found from outside: changing the e-mail,
/// making new recovery codes and turning two-step off needed no password or code (the last took 12 wrong codes without a
/// limit); nobody was told of a new password or address; and with no Site:BaseUrl a forged Host header put the
/// attacker's host into the reset link.
/// </summary>
public sealed class AccountTakeoverTests(AccountTakeoverTests.Fixture fixture) : IClassFixture<AccountTakeoverTests.Fixture>
{
    private const string BaseUrl = "https://pasar.example";

    private MarketplaceApp App => fixture.App;

    private TestOutbox Outbox => fixture.Outbox;

    [Fact]
    public async Task Changing_the_email_needs_the_password_or_a_current_code()
    {
        await TestUsers.CreateAsync(App, "ganti.surel@example.id", Roles.Shopper);
        var session = await TestUsers.SignedInClientAsync(App, "ganti.surel@example.id");

        using var without = await ChangeEmailAsync(session, "pencuri.a@example.id", string.Empty);
        using var wrong = await ChangeEmailAsync(session, "pencuri.a@example.id", "tebak-tebak-123");
        using var right = await ChangeEmailAsync(session, "baru.sah@example.id", TestUsers.Password);

        without.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(without)).QuerySelector("[data-valmsg-for='NewEmail.Proof']")!.TextContent.Should().NotBeEmpty();
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FormPost.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='NewEmail.Proof']")!.TextContent.Should().Contain("tidak cocok");
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await Outbox.WaitForAsync("baru.sah@example.id");
        (await Outbox.AllToAsync("pencuri.a@example.id")).Should().BeEmpty("no link goes out without the password");
    }

    [Fact]
    public async Task Turning_two_step_off_needs_a_proof_and_wrong_ones_are_limited()
    {
        var (session, key) = await TwoFactorEnrolment.EnrolAsync(App, "matikan@example.id", DateTimeOffset.UtcNow);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var wrong = await DisableAsync(session, Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10 - i)));
            answers.Add(wrong.StatusCode);
        }

        using var right = await DisableAsync(session, Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));

        answers.Take(Fixture.PerAccount).Should().OnlyContain(s => s == HttpStatusCode.OK);
        answers.Skip(Fixture.PerAccount).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);
        right.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "past the limit even the right code waits");
        right.Headers.RetryAfter.Should().NotBeNull();
        (await session.GetDocumentAsync("/Account/Manage/TwoFactor")).QuerySelector("#two-factor-status").Should().NotBeNull("two-step is still on");
    }

    [Fact]
    public async Task Turning_two_step_off_and_new_recovery_codes_work_with_the_password()
    {
        var (session, _) = await TwoFactorEnrolment.EnrolAsync(App, "kode.baru@example.id", DateTimeOffset.UtcNow);
        var page = await session.GetDocumentAsync("/Account/Manage/TwoFactor");

        using var withoutProof = await session.SubmitAsync(page, "#recovery-codes-form");
        using var withPassword = await session.SubmitAsync(page, "#recovery-codes-form", new Dictionary<string, string> { ["RecoveryProof"] = TestUsers.Password });
        using var off = await DisableAsync(session, TestUsers.Password);

        (await FormPost.ParseAsync(withoutProof)).QuerySelector("#recovery-codes").Should().BeNull("no new codes without the password or a code");
        (await FormPost.ParseAsync(withPassword)).QuerySelectorAll("#recovery-codes li").Should().HaveCount(10);
        off.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await session.GetDocumentAsync("/Account/Manage/TwoFactor")).QuerySelector("#enable-form").Should().NotBeNull("two-step is off");
    }

    [Fact]
    public async Task A_new_password_is_told_to_the_account_and_this_was_not_me_takes_the_account_back()
    {
        var owner = await TestUsers.CreateAsync(App, "pemilik.sandi@example.id", Roles.Shopper);
        var thief = await TestUsers.SignedInClientAsync(App, "pemilik.sandi@example.id");
        using (var changed = await thief.SubmitFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["NewPassword.CurrentPassword"] = TestUsers.Password,
            ["NewPassword.Password"] = "kelapa-muda-8812",
            ["NewPassword.ConfirmPassword"] = "kelapa-muda-8812",
        }, "#password-form"))
        {
            changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var notice = await Outbox.WaitForAsync("pemilik.sandi@example.id", m => m.Subject == "Kata sandi akun Pasar UMKM Anda diubah");
        await TakeBackAsync(notice);

        (await thief.GetAsync("/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.Redirect, "every session ended");
        using (var withNew = await LogInAsync("pemilik.sandi@example.id", "kelapa-muda-8812"))
        {
            withNew.StatusCode.Should().Be(HttpStatusCode.OK, "the password the thief set no longer works");
        }

        await Outbox.WaitForAsync("pemilik.sandi@example.id", m => m.Subject == "Buat kata sandi baru untuk Pasar UMKM");
        (await InboxKindsAsync(owner.Id)).Should().Contain(NotificationKind.PasswordChanged, "the notice is in the site's inbox too");
    }

    [Fact]
    public async Task This_was_not_me_also_removes_a_second_factor_the_intruder_set_up_with_its_recovery_codes()
    {
        var at = DateTimeOffset.UtcNow;
        var (thief, key) = await TwoFactorEnrolment.EnrolAsync(App, "faktor.kedua@example.id", at);
        using (var changed = await thief.SubmitFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["NewPassword.CurrentPassword"] = TestUsers.Password,
            ["NewPassword.Password"] = "durian-montong-4471",
            ["NewPassword.ConfirmPassword"] = "durian-montong-4471",
        }, "#password-form"))
        {
            changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var notice = await Outbox.WaitForAsync("faktor.kedua@example.id", m => m.Subject == "Kata sandi akun Pasar UMKM Anda diubah");
        await TakeBackAsync(notice);

        (await thief.GetAsync("/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.Redirect, "every session ended");
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var owner = (await users.FindByEmailAsync("faktor.kedua@example.id"))!;
        (await users.GetTwoFactorEnabledAsync(owner)).Should().BeFalse("the owner would otherwise need the intruder's authenticator after the reset");
        (await users.GetAuthenticatorKeyAsync(owner)).Should().NotBe(key, "the intruder's authenticator app makes no valid code any more");
        (await users.VerifyTwoFactorTokenAsync(owner, users.Options.Tokens.AuthenticatorTokenProvider, Totp.Code(key, at.AddSeconds(30)))).Should().BeFalse();
        (await users.CountRecoveryCodesAsync(owner)).Should().Be(0, "the recovery codes the intruder was shown are void");
        (await users.HasPasswordAsync(owner)).Should().BeFalse("the owner sets a new one from the reset link");
    }

    [Fact]
    public async Task A_new_address_is_told_to_the_old_one_which_can_take_the_account_back()
    {
        var owner = await TestUsers.CreateAsync(App, "alamat.lama@example.id", Roles.Shopper);
        var thief = await TestUsers.SignedInClientAsync(App, "alamat.lama@example.id");
        using (var asked = await ChangeEmailAsync(thief, "alamat.pencuri@example.id", TestUsers.Password))
        {
            asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var confirmation = await Outbox.WaitForAsync("alamat.pencuri@example.id");
        (await thief.GetDocumentAsync(TestOutbox.LinkIn(confirmation))).QuerySelector(".alert-success").Should().NotBeNull();

        var notice = await Outbox.WaitForAsync("alamat.lama@example.id", m => m.Subject == "Alamat email akun Pasar UMKM Anda diubah");
        notice.TextBody.Should().Contain("alamat.pencuri@example.id");
        await TakeBackAsync(notice);

        (await EmailOfAsync(owner.Id)).Should().Be("alamat.lama@example.id");
        using (var thiefAddress = await LogInAsync("alamat.pencuri@example.id", TestUsers.Password))
        {
            thiefAddress.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Outbox.WaitForAsync("alamat.lama@example.id", m => m.Subject == "Buat kata sandi baru untuk Pasar UMKM");
    }

    [Fact]
    public async Task A_reset_password_is_told_to_the_account()
    {
        await TestUsers.CreateAsync(App, "atur.ulang@example.id", Roles.Shopper);
        var client = App.CreateBrowserClient();
        using (await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "atur.ulang@example.id" }))
        {
        }

        var reset = await Outbox.WaitForAsync("atur.ulang@example.id");
        using (var done = await client.SubmitFormAsync(TestOutbox.LinkIn(reset), new Dictionary<string, string>
        {
            ["Input.Email"] = "atur.ulang@example.id",
            ["Input.Password"] = "salak-pondoh-4471",
            ["Input.ConfirmPassword"] = "salak-pondoh-4471",
        }))
        {
            done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var notice = await Outbox.WaitForAsync("atur.ulang@example.id", m => m.Subject == "Kata sandi akun Pasar UMKM Anda dibuat ulang");
        notice.TextBody.Should().Contain(BaseUrl + "/Account/NotMe?code=");
    }

    [Fact]
    public async Task Links_in_mail_are_on_the_site_address_whatever_host_the_request_named()
    {
        await TestUsers.CreateAsync(App, "host.palsu@example.id", Roles.Shopper);
        var forged = App.CreateBrowserClient();
        forged.DefaultRequestHeaders.Host = "penyerang.example";

        using (var asked = await forged.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "host.palsu@example.id" }))
        {
            asked.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var mail = await Outbox.WaitForAsync("host.palsu@example.id");
        mail.TextBody.Should().Contain(BaseUrl + "/Account/ResetPassword?code=").And.NotContain("penyerang.example");
    }

    [Fact]
    public async Task Production_refuses_to_start_without_the_site_address()
    {
        await using var production = new MarketplaceApp(App.ConnectionString).WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var start = () => production.Server;

        start.Should().Throw<InvalidOperationException>();
    }

    private static Task<HttpResponseMessage> ChangeEmailAsync(HttpClient session, string email, string proof) =>
        session.SubmitFormAsync("/Account/Manage", new Dictionary<string, string> { ["NewEmail.Email"] = email, ["NewEmail.Proof"] = proof }, "#email-form");

    private static async Task<HttpResponseMessage> DisableAsync(HttpClient session, string proof) =>
        await session.SubmitAsync(await session.GetDocumentAsync("/Account/Manage/TwoFactor"), "#disable-form", new Dictionary<string, string> { ["DisableProof"] = proof });

    private Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        App.CreateBrowserClient().SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Follows the notice's "this was not me" link, on the site's own address, and presses the button.</summary>
    private async Task TakeBackAsync(MimeMessage notice)
    {
        notice.TextBody.Should().Contain(BaseUrl + "/Account/NotMe?code=");
        var owner = App.CreateBrowserClient();
        using var secured = await owner.SubmitFormAsync(TestOutbox.LinkIn(notice), new Dictionary<string, string>(), "#not-me-form");
        (await FormPost.ParseAsync(secured)).QuerySelector("#not-me-done").Should().NotBeNull();
    }

    private async Task<string?> EmailOfAsync(string userId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync();
    }

    private async Task<List<NotificationKind>> InboxKindsAsync(string userId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Notifications.Where(n => n.UserId == userId).Select(n => n.Kind).ToListAsync();
    }

    public sealed class Fixture : AppFixture
    {
        public const int PerAccount = 4;

        public TestOutbox Outbox { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(Outbox.Settings)
        {
            ["Site:BaseUrl"] = BaseUrl,
            ["LoginThrottle:PerAccount"] = PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LoginThrottle:PerAddress"] = "1000",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Outbox.Dispose();
        }
    }
}
