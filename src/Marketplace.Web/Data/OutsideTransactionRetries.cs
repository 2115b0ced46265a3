using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Marketplace.Web.Data;

/// <summary>
/// Retries a query or a SaveChanges that met a broken connection or another transient error, a few times within a couple of
/// seconds, and clears the pool first when the connection broke, so the connections a database restart killed are not
/// handed out one by one. Work inside an explicit transaction is not retried here: only its owner knows whether running it
/// again is safe (<see cref="Features.Policy.PolicyTransaction"/> retries deadlocks; an interrupted import is taken again by its lease).
/// </summary>
internal sealed class OutsideTransactionRetries(ExecutionStrategyDependencies dependencies, NpgsqlDataSource data)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null)
{
    public override bool RetriesOnFailure => base.RetriesOnFailure && Dependencies.CurrentContext.Context.Database.CurrentTransaction is null;

    protected override bool ShouldRetryOn(Exception? exception)
    {
        if (exception is not null && Hosting.DatabaseOutage.IsOutage(exception))
        {
            data.Clear();
        }

        return base.ShouldRetryOn(exception);
    }
}
