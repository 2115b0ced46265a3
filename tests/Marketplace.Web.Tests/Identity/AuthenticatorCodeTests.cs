using System.Net;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Identity;

/// <summary>
/// A code from the authenticator app signs in once per account and only within one 30-second step of the site's clock.
/// Found from outside: a second session signed in with the same code, the enrolment code also signed in, and codes were
/// accepted from two steps before to two steps after (about 150 seconds).
/// </summary>
public sealed class AuthenticatorCodeTests(AuthenticatorCodeTests.Fixture fixture) : IClassFixture<AuthenticatorCodeTests.Fixture>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private MarketplaceApp App => fixture.App;

    private FakeTimeProvider Clock => fixture.Clock;

    [Fact]
    public async Task The_enrolment_code_does_not_sign_in_and_the_next_code_signs_in_once()
    {
        var key = await EnrolAsync("sekali.pakai@example.id");
        var enrolment = Totp.Code(key, Clock.GetUtcNow());

        (await SecondStepAsync("sekali.pakai@example.id", enrolment)).Should().Be(HttpStatusCode.OK, "the code typed at enrolment is spent");

        var next = Totp.Code(key, Clock.GetUtcNow() + Step);
        (await SecondStepAsync("sekali.pakai@example.id", next)).Should().Be(HttpStatusCode.Redirect);
        (await SecondStepAsync("sekali.pakai@example.id", next)).Should().Be(HttpStatusCode.OK, "a second session cannot sign in with the same code");
    }

    [Fact]
    public async Task Only_codes_within_one_step_of_now_are_accepted()
    {
        var key = await EnrolAsync("satu.langkah@example.id");
        Clock.Advance(Step * 4);
        var now = Clock.GetUtcNow();

        (await SecondStepAsync("satu.langkah@example.id", Totp.Code(key, now - (Step * 2)))).Should().Be(HttpStatusCode.OK, "two steps ago is too old");
        (await SecondStepAsync("satu.langkah@example.id", Totp.Code(key, now + (Step * 2)))).Should().Be(HttpStatusCode.OK, "two steps ahead is too far");
        (await SecondStepAsync("satu.langkah@example.id", Totp.Code(key, now - Step))).Should().Be(HttpStatusCode.Redirect, "one step ago is a phone a little slow");
    }

    [Fact]
    public async Task The_same_code_sent_by_several_sessions_at_once_signs_in_only_one()
    {
        var key = await EnrolAsync("serentak@example.id");
        var code = Totp.Code(key, Clock.GetUtcNow() + Step);
        var steps = new List<(HttpClient Client, string Url)>();
        for (var i = 0; i < 4; i++)
        {
            var client = App.CreateBrowserClient($"198.51.100.{i + 1}");
            using var password = await LogInAsync(client, "serentak@example.id");
            steps.Add((client, password.Headers.Location!.OriginalString));
        }

        var forms = await Task.WhenAll(steps.Select(s => s.Client.PrepareFormAsync(s.Url, new Dictionary<string, string> { ["Code"] = code })));
        var answers = await Task.WhenAll(steps.Zip(forms).Select(async pair =>
        {
            using var content = pair.Second.Content;
            using var response = await pair.First.Client.PostAsync(pair.Second.Action, content);
            return response.StatusCode;
        }));

        answers.Count(s => s == HttpStatusCode.Redirect).Should().Be(1, App.Errors.Describe());
        answers.Should().OnlyContain(s => s == HttpStatusCode.Redirect || s == HttpStatusCode.OK);
    }

    private async Task<string> EnrolAsync(string email) => (await TwoFactorEnrolment.EnrolAsync(App, email, Clock.GetUtcNow())).Key;

    /// <summary>A new session's password step, then the code; Redirect means signed in.</summary>
    private async Task<HttpStatusCode> SecondStepAsync(string email, string code)
    {
        var client = App.CreateBrowserClient();
        using var password = await LogInAsync(client, email);
        using var second = await client.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
        return second.StatusCode;
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;
    }
}
