using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain.Catalog;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// Blocking a cluster with many live cross-border listings, which also re-screens every live cross-border listing in the
/// open clusters: the real PolicyRuleChanges against a baseline of bare UPDATEs of the same rows, measured in the same run
/// because this machine is shared and noisy.
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

        if (args is ["fault-prepare", var clusterConnection, var catalogue])
        {
            await FaultRun.PrepareAsync(clusterConnection, int.Parse(catalogue, CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["fault-load", var loadConnection, var balancer, var seconds, var folder])
        {
            Environment.ExitCode = await FaultRun.LoadAsync(loadConnection, balancer, int.Parse(seconds, CultureInfo.InvariantCulture), folder);
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

        if (args is ["compliance", .. var compliance])
        {
            await ComplianceBenchmark.RunAsync(compliance);
            return;
        }

        if (args is ["photo-match", .. var photoMatch])
        {
            await PhotoMatchBenchmark.RunAsync(photoMatch);
            return;
        }

        if (args is ["screening", .. var screening])
        {
            ScreeningBenchmark.Run(screening);
            return;
        }

        var listings = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var elsewhere = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

        var site = new BenchmarkSite();
        await site.StartAsync();
        try
        {
            await using var data = NpgsqlDataSource.Create(site.ConnectionString);
            var textile = await site.WithServiceAsync<MarketplaceDbContext, int>(db => db.Clusters.Where(c => c.Code == ClusterCodes.Textile).Select(c => c.Id).SingleAsync());

            // The reference catalog starts with textiles closed; the benchmark opens it, fills it, and closes it again.
            await site.WithServiceAsync<PolicyRuleChanges, RedecisionSummary>(r => r.OpenClusterAsync(textile, "Benchmark", "benchmark"));
            await BenchmarkData.LoadAsync(data, ClusterCodes.Textile, listings, elsewhere);
            var disguised = elsewhere / BenchmarkData.DisguisedOneIn;
            Console.WriteLine($"Loaded {listings:N0} live cross-border listings in TEXTILE and {elsewhere:N0} in the open clusters ({disguised:N0} naming batik).");

            var baseline = new List<double>();
            var block = new List<double>();
            var open = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                baseline.Add(await BenchmarkData.TimeBareUpdateAsync(data, textile));

                var watch = Stopwatch.StartNew();
                var (_, blocked) = await site.WithServiceAsync<PolicyRuleChanges, (Marketplace.Domain.Policy.ClusterBlock, RedecisionSummary)>(
                    r => r.BlockClusterAsync(textile, null, "Benchmark", "benchmark"));
                block.Add(watch.Elapsed.TotalMilliseconds);
                if (blocked.Suspended != listings || blocked.SentToReview < disguised)
                {
                    throw new InvalidOperationException($"Expected {listings} suspended and at least {disguised} held, got {blocked}.");
                }

                watch.Restart();
                var reopened = await site.WithServiceAsync<PolicyRuleChanges, RedecisionSummary>(r => r.OpenClusterAsync(textile, "Benchmark", "benchmark"));
                open.Add(watch.Elapsed.TotalMilliseconds);
                if (reopened.Restored < listings + disguised)
                {
                    throw new InvalidOperationException($"Expected {listings + disguised} restored, got {reopened}.");
                }

                await BenchmarkData.VacuumAsync(data);
                Console.WriteLine($"round {round}: bare UPDATEs {baseline[^1]:N0} ms, block + re-screen {block[^1]:N0} ms ({blocked.SentToReview:N0} held), open {open[^1]:N0} ms");
            }

            double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
            Console.WriteLine();
            Console.WriteLine($"median over {rounds} rounds, {listings:N0} listings in the cluster, {elsewhere:N0} re-screened elsewhere:");
            Console.WriteLine($"  bare UPDATEs of the same rows (baseline): {Median(baseline),8:N0} ms  1.00x");
            Console.WriteLine($"  block cluster (lock, decide, suspend, re-screen, decision rows, notifications): {Median(block),8:N0} ms  {Median(block) / Median(baseline):0.00}x");
            Console.WriteLine($"  open cluster (restore and release all of them, same bookkeeping): {Median(open),8:N0} ms  {Median(open) / Median(baseline):0.00}x");
        }
        finally
        {
            await site.StopAsync();
        }
    }
}
