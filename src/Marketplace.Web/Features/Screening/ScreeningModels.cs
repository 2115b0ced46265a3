using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Screening;

/// <summary>
/// The text model in force, read from the database by every decision. Which version is in force is asked of the database
/// each time, inside the decision's transaction; only the deserialised model of that version is kept in memory, because
/// loading it costs far more than a decision. A node whose kept model is older than the database's loads the new one before
/// deciding, so no decision is taken with a model other than the one in force.
/// </summary>
public sealed class ScreeningModels
{
    private TextModel? _loaded;

    /// <summary>The model in force, or null while none has been trained (then the lexicons screen alone).</summary>
    public async Task<TextModel?> CurrentAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.ScreeningModels.MaxAsync(m => (int?)m.Version, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var loaded = Volatile.Read(ref _loaded);
        if (loaded?.Version == version)
        {
            return loaded;
        }

        var stored = await db.ScreeningModels.AsNoTracking().SingleAsync(m => m.Version == version, cancellationToken);
        loaded = TextModel.Load(stored);
        Volatile.Write(ref _loaded, loaded);
        return loaded;
    }
}
