using System.Globalization;
using Marketplace.Domain.Audit;
using Marketplace.Domain.Policy;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin.Rules;

/// <summary>A cluster's keyword lexicon as the rules page lists it.</summary>
public sealed record LexiconRow(int ClusterId, string Code, string NameId, string NameEn, IReadOnlyList<string> Terms)
{
    public string Name(bool indonesian) => indonesian ? NameId : NameEn;
}

/// <summary>The rules in force that admins edit: the policy version, the minimum price rule and every cluster's lexicon.</summary>
public sealed record RulesOverview(
    int PolicyVersion,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    CrossBorderMinimumPrice MinimumPrice,
    IReadOnlyList<LexiconRow> Lexicons);

/// <summary>The keyword lexicons and the cross-border minimum price, each change previewed and then made through the policy, which bumps its version.</summary>
public sealed class RuleConsole(MarketplaceDbContext db, PolicyRuleChanges rules, AdminActionLog actions)
{
    public async Task<RulesOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var settings = await db.PolicySettings.AsNoTracking().SingleAsync(cancellationToken);
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var terms = await db.LexiconTerms.AsNoTracking().OrderBy(t => t.Term).Select(t => new { t.ClusterId, t.Term }).ToListAsync(cancellationToken);
        var lexicons = clusters
            .Select(c => new LexiconRow(c.Id, c.Code, c.NameId, c.NameEn, terms.Where(t => t.ClusterId == c.Id).Select(t => t.Term).ToList()))
            .ToList();
        return new RulesOverview(settings.Version, settings.UpdatedAt, settings.UpdatedBy, settings.MinimumPrice, lexicons);
    }

    public Task<RuleChangeEffect> DescribeAsync(RedecisionSummary summary, CancellationToken cancellationToken) => RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);

    /// <summary>Terms as an admin types them: one per line or separated by commas.</summary>
    public static IReadOnlyList<string> ParseTerms(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>HS chapters as an admin types them, such as "37, 49"; null when something is not a number.</summary>
    public static IReadOnlyList<int>? ParseChapters(string? text)
    {
        var parts = (text ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var chapters = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var chapter) || chapter is < 1 or > 97)
            {
                return null;
            }

            chapters.Add(chapter);
        }

        return chapters.Distinct().Order().ToList();
    }

    /// <summary>Which live cross-border listings the new lexicon would send to review (or release), computed by the real change and rolled back.</summary>
    public async Task<RuleChangeEffect> PreviewLexiconAsync(int clusterId, IReadOnlyList<string> terms, AdminActor actor, CancellationToken cancellationToken)
    {
        var summary = await rules.PreviewAsync(c => c.ReplaceLexiconAsync(clusterId, terms, actor.Email, cancellationToken), cancellationToken);
        return await RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);
    }

    public Task<RedecisionSummary> ReplaceLexiconAsync(int clusterId, IReadOnlyList<string> terms, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var before = await db.LexiconTerms.AsNoTracking().Where(t => t.ClusterId == clusterId).Select(t => t.Term).ToListAsync(ct);
            var effect = await rules.ReplaceLexiconAsync(clusterId, terms, actor.Email, ct);
            var after = await db.LexiconTerms.AsNoTracking().Where(t => t.ClusterId == clusterId).Select(t => t.Term).ToListAsync(ct);
            var details = $"added={string.Join(",", after.Except(before).Order())}; removed={string.Join(",", before.Except(after).Order())}; {RuleChangeEffect.Details(effect)}";
            await actions.RecordAsync(actor, AdminActionKind.LexiconReplaced, new AdminTarget(ClusterId: clusterId), null, details, ct);
            return effect;
        },
        cancellationToken);

    public async Task<RuleChangeEffect> PreviewMinimumPriceAsync(CrossBorderMinimumPrice rule, AdminActor actor, CancellationToken cancellationToken)
    {
        var summary = await rules.PreviewAsync(c => c.SetMinimumPriceAsync(rule, actor.Email, cancellationToken), cancellationToken);
        return await RuleChangeEffect.DescribeAsync(db, summary, cancellationToken);
    }

    public Task<RedecisionSummary> SetMinimumPriceAsync(CrossBorderMinimumPrice rule, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return PolicyTransaction.RunAsync(db, async ct =>
        {
            var effect = await rules.SetMinimumPriceAsync(rule, actor.Email, ct);
            var details = FormattableString.Invariant(
                $"enabled={rule.Enabled}; usd_cents={rule.UsdCents}; idr_per_usd={rule.IdrPerUsd}; rate_date={rule.RateDate:yyyy-MM-dd}; exempt_hs={string.Join(",", rule.ExemptHsChapters.Order())}; ")
                + RuleChangeEffect.Details(effect);
            await actions.RecordAsync(actor, AdminActionKind.MinimumPriceChanged, new AdminTarget(), null, details, ct);
            return effect;
        },
        cancellationToken);
    }
}
