namespace Marketplace.Web.Hosting;

/// <summary>
/// Turns two exceptions that are no fault of the server into what the client actually got, inside the request log, so
/// the log records that instead of a 500 with a stack trace: a request the client gave up on (the browser cancelled an
/// image) as 499, the status web servers use for it; a request that could not be bound (Development makes minimal APIs
/// throw instead of answering 400) as its own status.
/// </summary>
internal sealed class ClientOutcomes(RequestDelegate next, IHostEnvironment environment)
{
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = e.StatusCode;
            if (environment.IsDevelopment())
            {
                await context.Response.WriteAsync(e.Message, context.RequestAborted);
            }
        }
    }
}
