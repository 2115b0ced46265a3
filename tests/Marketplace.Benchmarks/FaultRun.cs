using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Storefront;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// The load of the fault run through the load balancer (tests/faults/fault-run.sh): shoppers browsing (home, search,
/// category, shop, product), shoppers adding to the cart and checking out (cash on delivery), and sellers saving their
/// listings, for a given time, while the script kills a web node, pauses the standby's replay and kills the primary. The
/// block of a cluster goes through the site's own <see cref="PolicyRuleChanges"/> in this process (the admin console needs a
/// second factor), as soon as the script has paused the standby's replay, and every storefront response that began after it returned is checked against
/// the listings it blocked. Prints the figures the script reports.
/// </summary>
internal static partial class FaultRun
{
    public const string Password = "uji-kegagalan-2026";
    private const string Actor = "fault-run";
    private const int Shoppers = 4;
    private const int Browsers = 6;
    private const int Sellers = 2;
    private static readonly string[] Searches = ["batik", "kopi", "sepatu", "tas kulit", "kain", "keripik"];

    /// <summary>fault-prepare CONNECTION LISTINGS: the catalogue (when not loaded yet) and the shoppers' and sellers' log-ins.</summary>
    public static async Task PrepareAsync(string connection, int listings)
    {
        await using (var data = NpgsqlDataSource.Create(connection))
        {
            if (await ScalarAsync<long>(data, "SELECT count(*) FROM sellers WHERE user_id LIKE 'scale-%'") == 0)
            {
                await StorefrontScaleData.LoadAsync(connection, listings);
            }
        }

        var site = new BenchmarkSite(existingDatabase: connection);
        await site.StartAsync();
        try
        {
            using var scope = site.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            for (var i = 1; i <= Shoppers; i++)
            {
                var email = ShopperEmail(i);
                if (await users.FindByEmailAsync(email) is null)
                {
                    Require(await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pembeli " + i }, Password));
                }
            }

            await using var data = NpgsqlDataSource.Create(connection);
            foreach (var userId in await SellerUsersAsync(data))
            {
                var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user {userId}.");
                if (!await users.HasPasswordAsync(user))
                {
                    await users.UpdateSecurityStampAsync(user);
                    Require(await users.AddPasswordAsync(user, Password));
                }

                if (!await users.IsInRoleAsync(user, Roles.Seller))
                {
                    Require(await users.AddToRoleAsync(user, Roles.Seller));
                }
            }
        }
        finally
        {
            await site.StopAsync();
        }
    }

    /// <summary>fault-load CONNECTION LB SECONDS FOLDER: the load, the block, and the report (exit code 1 when a check fails).</summary>
    public static async Task<int> LoadAsync(string connection, string balancer, int seconds, string folder)
    {
        await using var data = NpgsqlDataSource.Create(connection);
        var plan = await PlanAsync(data);
        Console.WriteLine($"cluster to block: {plan.Cluster} ({plan.ToBlock.Count:N0} published cross-border listings in it); " +
            $"{plan.Products.Count:N0} products, {plan.Categories.Count} categories, {plan.Shops.Count} shops sampled; {plan.Buyable.Count} listings to buy");

        var site = new BenchmarkSite(existingDatabase: connection);
        await site.StartAsync();
        Run run;
        try
        {
            var shoppers = new List<HttpClient>();
            for (var i = 1; i <= Shoppers; i++)
            {
                shoppers.Add(await SignedInAsync(balancer, ShopperEmail(i)));
            }

            var sellers = new List<(HttpClient Client, long[] Listings)>();
            foreach (var (email, own) in plan.Sellers)
            {
                sellers.Add((await SignedInAsync(balancer, email), own));
            }

            Console.WriteLine($"load for {seconds} s through {balancer}: {Browsers} browsing, {Shoppers} buying, {sellers.Count} sellers saving");
            run = new Run(DateTimeOffset.UtcNow, seconds);

            // The script times its faults from this instant.
            await File.WriteAllTextAsync(Path.Combine(folder, "load-started"), (run.Start.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture));
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var workers = new List<Task>();
            for (var i = 0; i < Browsers; i++)
            {
                workers.Add(BrowseAsync(NewClient(balancer), plan, run, new Random(i), stop.Token));
            }

            workers.AddRange(shoppers.Select((client, i) => BuyAsync(client, plan, run, new Random(100 + i), stop.Token)));
            workers.AddRange(sellers.Select((s, i) => SaveAsync(s.Client, s.Listings, run, i, stop.Token)));
            workers.Add(BlockAsync(site, data, plan, run, folder, stop.Token));
            await Task.WhenAll(workers);
            run.End = DateTimeOffset.UtcNow;
        }
        finally
        {
            await site.StopAsync();
        }

        // The primary may have died moments before the load stopped: the checks wait for its successor.
        await using var after = NpgsqlDataSource.Create(connection);
        await Waits.UntilAsync(async () => await ScalarAsync<int>(after, "SELECT 1") == 1, TimeSpan.FromMinutes(2), "the primary's successor to answer");

        return await ReportAsync(after, run, folder);
    }

    private static async Task BrowseAsync(HttpClient client, Plan plan, Run run, Random random, CancellationToken stop)
    {
        using (client)
        {
            while (!stop.IsCancellationRequested)
            {
                var pick = random.Next(100);
                var (kind, url, product) = pick switch
                {
                    < 25 => ("product", string.Empty, plan.Products[random.Next(plan.Products.Count)]),
                    < 40 => ("product", string.Empty, plan.ToBlock[random.Next(plan.ToBlock.Count)]),
                    < 65 => ("search", "/Search?q=" + Uri.EscapeDataString(Searches[random.Next(Searches.Length)]), 0L),
                    < 80 => ("category", "/c/" + plan.Categories[random.Next(plan.Categories.Count)], 0L),
                    < 90 => ("home", "/", 0L),
                    _ => ("shop", "/s/" + plan.Shops[random.Next(plan.Shops.Count)], 0L),
                };
                if (kind == "product")
                {
                    url = $"/p/{product}";
                }

                var started = DateTimeOffset.UtcNow;
                var (status, body) = await GetAsync(client, url, stop);
                if (status == 0 && stop.IsCancellationRequested)
                {
                    return;
                }

                // A product page names its listing in its URL; a list names each card by its link.
                var shown = status != (int)HttpStatusCode.OK ? []
                    : kind == "product" ? new[] { product }
                    : ProductLink().Matches(body).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToArray();
                run.Add(new Sample(kind, started, DateTimeOffset.UtcNow, status, kind == "product" && status == (int)HttpStatusCode.NotFound), shown);
            }
        }
    }

    private static async Task BuyAsync(HttpClient client, Plan plan, Run run, Random random, CancellationToken stop)
    {
        using (client)
        {
            while (!stop.IsCancellationRequested)
            {
                var listing = plan.Buyable[random.Next(plan.Buyable.Count)];
                var added = await TimedAsync(run, "cart", async () =>
                {
                    using var response = await client.AddToCartAsync(listing);
                    return ((int)response.StatusCode, string.Empty);
                }, stop);
                if (added is not (>= 200 and < 400))
                {
                    continue;
                }

                await TimedAsync(run, "checkout", async () =>
                {
                    using var response = await client.CheckOutAsync();
                    var location = response.Headers.Location?.OriginalString ?? string.Empty;
                    var number = OrderNumber().Match(location);
                    return ((int)response.StatusCode, number.Success ? Uri.UnescapeDataString(number.Groups[1].Value) : string.Empty);
                }, stop);
            }
        }
    }

    private static async Task SaveAsync(HttpClient client, long[] listings, Run run, int seller, CancellationToken stop)
    {
        using (client)
        {
            var saves = 0;
            while (!stop.IsCancellationRequested)
            {
                var listing = listings[saves % listings.Length];
                var title = $"Produk Uji Kegagalan {seller}-{listing} versi {++saves}";
                await TimedAsync(run, "seller-save", async () =>
                {
                    using var response = await client.SubmitFormAsync($"/Seller/Listings/Edit/{listing}?handler=Save", new Dictionary<string, string> { ["Input.Title"] = title });
                    return ((int)response.StatusCode, response.StatusCode == HttpStatusCode.Redirect ? $"{listing}|{title}" : string.Empty);
                }, stop);
            }
        }
    }

    /// <summary>
    /// Blocks the plan's cluster once the script has paused the standby's replay (its <c>replay-paused</c> file), so the
    /// block always lands while the replica lags, and notes what it blocked once it returned.
    /// </summary>
    private static async Task BlockAsync(BenchmarkSite site, NpgsqlDataSource data, Plan plan, Run run, string folder, CancellationToken stop)
    {
        try
        {
            await Waits.ForFileAsync(Path.Combine(folder, "replay-paused"), stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        run.BlockStarted = DateTimeOffset.UtcNow;
        RedecisionSummary summary;
        try
        {
            (_, summary) = await site.WithServiceAsync<PolicyRuleChanges, (ClusterBlock, RedecisionSummary)>(
                r => r.BlockClusterAsync(plan.Cluster, null, "Uji kegagalan lewat penyeimbang beban", Actor));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // Not acknowledged: the report counts the block as not returned, and no decision of it as owed.
            Console.WriteLine($"block of cluster {plan.Cluster} failed after {(DateTimeOffset.UtcNow - run.BlockStarted.Value).TotalSeconds:N1} s: {e.GetType().Name}: {e.Message}");
            return;
        }

        run.BlockReturned = DateTimeOffset.UtcNow;
        run.BlockSummary = summary;
        await File.WriteAllTextAsync(Path.Combine(folder, "block-returned"), run.BlockReturned.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        await using var command = data.CreateCommand(
            $"SELECT DISTINCT listing_id FROM policy_decisions WHERE actor = '{Actor}' AND decided_at >= @started AND outcome <> {(int)PolicyOutcome.Allowed}");
        command.Parameters.AddWithValue("started", run.BlockStarted.Value);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            run.Blocked.Add(reader.GetInt64(0));
        }

        Console.WriteLine($"block of cluster {plan.Cluster} took {(run.BlockReturned - run.BlockStarted).Value.TotalSeconds:N1} s: {summary.Decided:N0} decided, " +
            $"{summary.Suspended:N0} suspended, {summary.SentToReview:N0} sent to review ({run.Blocked.Count:N0} listings no longer shown)");
    }

    private static async Task<int> TimedAsync(Run run, string kind, Func<Task<(int Status, string Acknowledged)>> request, CancellationToken stop)
    {
        var started = DateTimeOffset.UtcNow;
        int status;
        var acknowledged = string.Empty;
        try
        {
            (status, acknowledged) = await request();
        }
        catch (HttpRequestException e)
        {
            status = (int?)e.StatusCode ?? 0;
        }
        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
        {
            status = 0;
        }
        catch (InvalidOperationException)
        {
            // A page without the form it should have (an error page answered 200): counted as a failure of its own.
            status = 1;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }

        var succeeded = acknowledged.Length > 0 || (kind == "cart" && status is >= 200 and < 400);

        // A write answered without being acknowledged (its form shown again, a redirect elsewhere) is counted as status 2.
        var recorded = succeeded || status is not (>= 200 and < 400) ? status : 2;
        run.Add(new Sample(kind, started, DateTimeOffset.UtcNow, recorded, false) { Acknowledged = acknowledged, Succeeded = succeeded }, []);
        return succeeded ? status : -1;
    }

    private static async Task<(int Status, string Body)> GetAsync(HttpClient client, string url, CancellationToken stop)
    {
        try
        {
            using var response = await client.GetAsync(url, stop);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(stop));
        }
        catch (HttpRequestException)
        {
            return (0, string.Empty);
        }
        catch (TaskCanceledException)
        {
            return (0, string.Empty);
        }
    }

    private static async Task<int> ReportAsync(NpgsqlDataSource data, Run run, string folder)
    {
        var samples = run.Samples.OrderBy(s => s.Sample.Started).ToList();
        double At(DateTimeOffset t) => (t - run.Start).TotalSeconds;
        var events = File.Exists(Path.Combine(folder, "events"))
            ? File.ReadAllLines(Path.Combine(folder, "events")).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2)
                .Select(p => (At: DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(p[0], CultureInfo.InvariantCulture) * 1000)), What: p[1])).ToList()
            : [];
        Console.WriteLine();
        Console.WriteLine("timeline (s from the start of the load):");
        foreach (var (at, what) in events.OrderBy(e => e.At))
        {
            Console.WriteLine($"  {At(at),6:N1}  {what}");
        }

        if (run.BlockReturned is { } returned)
        {
            Console.WriteLine($"  {At(run.BlockStarted!.Value),6:N1}  block of cluster started (PolicyRuleChanges.BlockClusterAsync)");
            Console.WriteLine($"  {At(returned),6:N1}  block returned");
        }

        Console.WriteLine($"  {At(run.End),6:N1}  load stopped");
        Console.WriteLine();
        Console.WriteLine($"requests: {samples.Count:N0} ({string.Join(", ", samples.GroupBy(s => s.Sample.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))})");
        var failed = samples.Where(s => !s.Sample.Ok).ToList();
        Console.WriteLine($"errors: {failed.Count:N0} (status 0: no answer; 1: an answer without the expected form; 2: a write answered but not acknowledged, such as a form shown again)");
        foreach (var status in failed.GroupBy(s => s.Sample.Status).OrderBy(g => g.Key))
        {
            var when = status.GroupBy(s => (int)(At(s.Sample.Started) / 10) * 10).OrderBy(g => g.Key).Select(g => $"{g.Key}-{g.Key + 10} s: {g.Count()}");
            Console.WriteLine($"  status {status.Key}: {status.Count():N0} ({string.Join(", ", status.GroupBy(s => s.Sample.Kind).Select(g => $"{g.Key} {g.Count()}"))}); when: {string.Join("; ", when)}");
        }

        Console.WriteLine($"product pages answered 404 (hidden listings, not errors): {samples.Count(s => s.Sample.Hidden):N0}");

        var checkouts = samples.Where(s => s.Sample.Kind == "checkout" && s.Sample.Succeeded).Select(s => s.Sample.Ended).OrderBy(t => t).ToList();
        var marks = new List<DateTimeOffset> { run.Start };
        marks.AddRange(checkouts);
        marks.Add(run.End);
        var gap = marks.Zip(marks.Skip(1)).MaxBy(p => p.Second - p.First);
        Console.WriteLine($"successful checkouts: {checkouts.Count:N0}; longest gap with none: {(gap.Second - gap.First).TotalSeconds:N1} s (from {At(gap.First):N1} s to {At(gap.Second):N1} s)");

        var failures = 0;
        var afterBlock = run.BlockReturned is { } blockReturned ? samples.Where(s => s.Sample.Started > blockReturned && s.Shown.Length > 0).ToList() : [];
        var served = afterBlock.Where(s => s.Shown.Any(run.Blocked.Contains)).ToList();
        Console.WriteLine($"blocked listings served after the block returned: {served.Count} of {afterBlock.Count:N0} storefront responses checked against {run.Blocked.Count:N0} blocked listings");
        failures += served.Count > 0 || run.BlockReturned is null ? 1 : 0;

        var orders = samples.Where(s => s.Sample.Kind == "checkout" && s.Sample.Succeeded).Select(s => s.Sample.Acknowledged).ToArray();
        var foundOrders = await ScalarAsync<long>(data, "SELECT count(*) FROM orders WHERE number = ANY(@values)", orders);
        Console.WriteLine($"acknowledged orders: {orders.Length:N0}, missing afterwards: {orders.Length - foundOrders:N0}");
        failures += foundOrders == orders.Length ? 0 : 1;

        // The last acknowledged save of each listing must be there (a later save whose answer was lost may have replaced it).
        var saves = samples.Where(s => s.Sample.Kind == "seller-save" && s.Sample.Succeeded).Select(s => s.Sample.Acknowledged.Split('|'))
            .GroupBy(p => long.Parse(p[0], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Select(p => Version(p[1])).Max());
        var missingSaves = 0;
        foreach (var (listing, version) in saves)
        {
            var title = await ScalarAsync<string>(data, $"SELECT title FROM listings WHERE id = {listing}");
            missingSaves += Version(title) >= version ? 0 : 1;
        }

        var decisions = run.BlockStarted is { } blockStarted
            ? await ScalarAsync<long>(data, $"SELECT count(*) FROM policy_decisions WHERE actor = '{Actor}' AND decided_at >= @values", blockStarted)
            : 0;
        var acknowledgedDecisions = run.BlockSummary?.Decided ?? 0;
        Console.WriteLine($"acknowledged seller saves: {samples.Count(s => s.Sample.Kind == "seller-save" && s.Sample.Succeeded):N0} on {saves.Count} listings, missing afterwards: {missingSaves}");
        Console.WriteLine($"acknowledged policy decisions (the block): {acknowledgedDecisions:N0}, missing afterwards: {Math.Max(0, acknowledgedDecisions - decisions):N0}");
        failures += missingSaves > 0 || decisions < acknowledgedDecisions ? 1 : 0;

        if (events.FirstOrDefault(e => e.What.StartsWith("primary killed", StringComparison.Ordinal)) is { What: not null } death)
        {
            var writes = samples.Select(s => s.Sample).Where(s => s.Kind is "checkout" or "seller-save" or "cart" && s.Succeeded && s.Started > death.At).ToList();
            var firstWrite = writes.MinBy(s => s.Ended);
            var firstCheckout = writes.Where(s => s.Kind == "checkout").MinBy(s => s.Ended);
            Console.WriteLine($"from the primary's death to the first successful write: {(firstWrite is null ? "none" : $"{(firstWrite.Ended - death.At).TotalSeconds:N1} s ({firstWrite.Kind})")}; " +
                $"to the first successful checkout: {(firstCheckout is null ? "none" : $"{(firstCheckout.Ended - death.At).TotalSeconds:N1} s")}");
            failures += firstWrite is null ? 1 : 0;
        }

        Console.WriteLine(failures == 0 ? "fault run: all checks passed" : $"fault run: {failures} checks FAILED");
        return failures == 0 ? 0 : 1;
    }

    private static int Version(string title) =>
        TitleVersion().Match(title) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>The catalogue the load reads from: sampled once, before the load starts.</summary>
    private static async Task<Plan> PlanAsync(NpgsqlDataSource data)
    {
        var published = (int)ListingState.Published;
        var crossBorder = $"(s.origin = {(int)SellerOrigin.CrossBorder} OR l.origin = {(int)ProductOrigin.Imported})";
        const string open = "c.cluster_id NOT IN (SELECT cluster_id FROM cluster_blocks WHERE starts_at <= now() AND (lifted_at IS NULL OR lifted_at > now()))";

        // The smallest open cluster with cross-border listings to block: a block also re-screens every cross-border listing elsewhere.
        var cluster = await ScalarAsync<int>(data, $"""
            SELECT c.cluster_id FROM listings l JOIN categories c ON c.id = l.category_id JOIN sellers s ON s.id = l.seller_id
            WHERE l.state = {published} AND {crossBorder} AND {open}
            GROUP BY c.cluster_id HAVING count(*) >= 20 ORDER BY count(*) LIMIT 1
            """);
        var toBlock = await ListAsync<long>(data, $"""
            SELECT l.id FROM listings l JOIN categories c ON c.id = l.category_id JOIN sellers s ON s.id = l.seller_id
            WHERE l.state = {published} AND {crossBorder} AND c.cluster_id = {cluster} AND s.status = {(int)SellerStatus.Active} ORDER BY random() LIMIT 500
            """);
        var products = await ListAsync<long>(data, $"SELECT id FROM listings TABLESAMPLE SYSTEM (1) WHERE state = {published} LIMIT 2000");
        var categories = await ListAsync<string>(data, $"SELECT slug FROM categories c WHERE c.cluster_id IS NOT NULL AND EXISTS (SELECT 1 FROM listings l WHERE l.category_id = c.id AND l.state = {published})");
        var shops = await ListAsync<string>(data, $"SELECT slug FROM sellers WHERE user_id LIKE 'scale-%' AND status = {(int)SellerStatus.Active} ORDER BY random() LIMIT 200");
        var buyable = await ListAsync<long>(data, $"""
            SELECT l.id FROM listings l JOIN categories c ON c.id = l.category_id JOIN sellers s ON s.id = l.seller_id
            WHERE l.state = {published} AND NOT {crossBorder} AND s.status = {(int)SellerStatus.Active} AND l.stock >= 100 AND c.cluster_id <> {cluster}
            LIMIT 500
            """);
        var sellers = new List<(string, long[])>();
        foreach (var user in await SellerUsersAsync(data))
        {
            var email = await ScalarAsync<string>(data, $"SELECT email FROM asp_net_users WHERE id = '{user}'");
            var own = await ListAsync<long>(data, $"SELECT id FROM listings l WHERE l.seller_id = (SELECT id FROM sellers WHERE user_id = '{user}') AND state = {published} ORDER BY id LIMIT 5");
            sellers.Add((email, own.ToArray()));
        }

        return new Plan(cluster, toBlock, products, categories, shops, buyable, sellers);
    }

    /// <summary>The owners of the verified, active local shops that save listings during the run.</summary>
    private static async Task<List<string>> SellerUsersAsync(NpgsqlDataSource data) =>
        await ListAsync<string>(data, $"""
            SELECT s.user_id FROM sellers s WHERE s.user_id LIKE 'scale-%' AND s.origin = {(int)SellerOrigin.Local} AND s.status = {(int)SellerStatus.Active}
            AND EXISTS (SELECT 1 FROM listings l WHERE l.seller_id = s.id AND l.state = {(int)ListingState.Published}) ORDER BY s.id LIMIT {Sellers}
            """);

    private static async Task<HttpClient> SignedInAsync(string balancer, string email)
    {
        for (var attempt = 1; ; attempt++)
        {
            var client = NewClient(balancer);
            using var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                return client;
            }

            client.Dispose();
            if (attempt == 5)
            {
                throw new InvalidOperationException($"{email} could not sign in: {(int)response.StatusCode}.");
            }
        }
    }

    private static HttpClient NewClient(string balancer) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(balancer),
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static string ShopperEmail(int i) => $"pembeli-uji-{i}@example.id";

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql, object? values = null)
    {
        await using var command = data.CreateCommand(sql);
        if (values is not null)
        {
            command.Parameters.AddWithValue("values", values);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlDataSource data, string sql)
    {
        var list = new List<T>();
        await using var command = data.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetFieldValue<T>(0));
        }

        return list;
    }

    [GeneratedRegex("""href="/p/(\d+)""")]
    private static partial Regex ProductLink();

    [GeneratedRegex(@"Confirmation/([^/?#]+)")]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"versi (\d+)$")]
    private static partial Regex TitleVersion();

    private sealed record Plan(
        int Cluster, List<long> ToBlock, List<long> Products, List<string> Categories, List<string> Shops, List<long> Buyable, List<(string Email, long[] Listings)> Sellers);

    /// <summary>One request: what, when, its status, and for a write whether the site acknowledged it (and what).</summary>
    private sealed record Sample(string Kind, DateTimeOffset Started, DateTimeOffset Ended, int Status, bool Hidden)
    {
        public string Acknowledged { get; init; } = string.Empty;

        public bool Succeeded { get; init; }

        public bool Ok => Hidden || Succeeded || (Kind is "product" or "search" or "category" or "home" or "shop" && Status is >= 200 and < 400);
    }

    private sealed class Run(DateTimeOffset start, int seconds)
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; set; } = start.AddSeconds(seconds);

        public DateTimeOffset? BlockStarted { get; set; }

        public DateTimeOffset? BlockReturned { get; set; }

        public RedecisionSummary? BlockSummary { get; set; }

        /// <summary>Written once by the block, read by the report after every worker stopped.</summary>
        public HashSet<long> Blocked { get; } = [];

        public ConcurrentBag<(Sample Sample, long[] Shown)> Samples { get; } = [];

        public void Add(Sample sample, long[] shown) => Samples.Add((sample, shown));
    }
}
