using System.Diagnostics;
using System.Globalization;
using Marketplace.Web.Features.Policy;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// Blocking a cluster with many live cross-border listings: the real PolicyRuleChanges against a baseline of one bare
/// UPDATE of the same rows, measured in the same run because this machine is shared and noisy.
/// </summary>
internal static class BlockClusterBenchmark
{
    public static async Task Main(string[] args)
    {
        if (args is ["csv-import", .. var rest])
        {
            await CsvImportBenchmark.RunAsync(rest);
            return;
        }

        if (args is ["faults", .. var faults])
        {
            Environment.ExitCode = await FaultTrials.RunAsync(faults);
            return;
        }

        if (args is ["storefront-load", var connectionString, var count])
        {
            await StorefrontScaleData.LoadAsync(connectionString, int.Parse(count, CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["storefront-floor", var floorConnectionString, var url])
        {
            await StorefrontFloor.RunAsync(floorConnectionString, url);
            return;
        }

        if (args is ["screening", .. var screening])
        {
            ScreeningBenchmark.Run(screening);
            return;
        }

        var listings = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

        var site = new BenchmarkSite();
        await site.StartAsync();
        try
        {
            await using var data = NpgsqlDataSource.Create(site.ConnectionString);
            var electronics = await BenchmarkData.LoadAsync(data, listings);
            Console.WriteLine($"Loaded {listings:N0} live cross-border listings in ELECTRONICS and {listings:N0} local ones elsewhere.");

            var baseline = new List<double>();
            var block = new List<double>();
            var open = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                baseline.Add(await BenchmarkData.TimeBareUnpublishAsync(data, electronics));

                var watch = Stopwatch.StartNew();
                var (_, blocked) = await site.WithServiceAsync<PolicyRuleChanges, (Marketplace.Domain.Policy.ClusterBlock, RedecisionSummary)>(
                    r => r.BlockClusterAsync(electronics, null, "Benchmark", "benchmark"));
                block.Add(watch.Elapsed.TotalMilliseconds);
                if (blocked.Suspended != listings)
                {
                    throw new InvalidOperationException($"Expected {listings} suspended, got {blocked.Suspended}.");
                }

                watch.Restart();
                var reopened = await site.WithServiceAsync<PolicyRuleChanges, RedecisionSummary>(r => r.OpenClusterAsync(electronics, "Benchmark", "benchmark"));
                open.Add(watch.Elapsed.TotalMilliseconds);
                if (reopened.Restored != listings)
                {
                    throw new InvalidOperationException($"Expected {listings} restored, got {reopened}.");
                }

                await BenchmarkData.VacuumAsync(data);
                Console.WriteLine($"round {round}: bare UPDATE {baseline[^1]:N0} ms, block {block[^1]:N0} ms, open {open[^1]:N0} ms");
            }

            double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
            Console.WriteLine();
            Console.WriteLine($"median over {rounds} rounds, {listings:N0} listings:");
            Console.WriteLine($"  bare UPDATE of the same rows (baseline): {Median(baseline),8:N0} ms  1.00x");
            Console.WriteLine($"  block cluster (lock, decide, suspend, {listings:N0} decision rows, notifications): {Median(block),8:N0} ms  {Median(block) / Median(baseline):0.00}x");
            Console.WriteLine($"  open cluster (restore all of them, same bookkeeping): {Median(open),8:N0} ms  {Median(open) / Median(baseline):0.00}x");
        }
        finally
        {
            await site.StopAsync();
        }
    }
}
