namespace Marketplace.Web.Features.Ledger;

public static class LedgerServices
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section);
        services.AddOptions<FeeOptions>().BindConfiguration(FeeOptions.Section);
        services.AddScoped<Books>();
        services.AddScoped<OrderMoney>();
        services.AddScoped<MoneyNotifications>();
        services.AddScoped<Reconciliation>();
        return services;
    }
}
