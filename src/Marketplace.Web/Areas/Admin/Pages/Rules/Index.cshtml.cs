using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Domain;
using Marketplace.Domain.Policy;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Admin.Rules;
using Marketplace.Web.Features.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Rules;

/// <summary>The rules overview and the cross-border minimum price, previewed before it is set.</summary>
public sealed partial class IndexModel(RuleConsole rules, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty]
    public MinimumInput Input { get; set; } = new();

    public RulesOverview Overview { get; private set; } = null!;

    public RuleChangeEffect? Preview { get; private set; }

    public RuleChangeEffect? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = await rules.OverviewAsync(cancellationToken);
        var rule = Overview.MinimumPrice;
        Input = new MinimumInput
        {
            Enabled = rule.Enabled,
            UsdAmount = rule.Usd.ToString("0.##", CultureInfo.InvariantCulture),
            IdrPerUsd = rule.IdrPerUsd.ToString("0.##", CultureInfo.InvariantCulture),
            RateDate = rule.RateDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ExemptHsChapters = string.Join(", ", rule.ExemptHsChapters.Order()),
        };
        if (KeptOutcome<RedecisionSummary>() is { } summary)
        {
            Result = await rules.DescribeAsync(summary, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        Overview = await rules.OverviewAsync(cancellationToken);
        if (Read() is { } rule)
        {
            try
            {
                Preview = await rules.PreviewMinimumPriceAsync(rule, Actor, cancellationToken);
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (Read() is { } rule)
        {
            try
            {
                var effect = await rules.SetMinimumPriceAsync(rule, Actor, cancellationToken);
                KeepOutcome(effect);
                return RedirectToPage();
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        Overview = await rules.OverviewAsync(cancellationToken);
        return Page();
    }

    /// <summary>A million dollars, or a million rupiah to the dollar, in hundredths.</summary>
    private const long MaxHundredths = 1_000_000_00;

    /// <summary>Numbers and dates are read culture-free: the form sends them as <c>100.50</c> and <c>2024-01-02</c> whatever the language.</summary>
    private CrossBorderMinimumPrice? Read()
    {
        var usdCents = ReadHundredths(Input.UsdAmount, "Input.UsdAmount");
        var rateInSen = ReadHundredths(Input.IdrPerUsd, "Input.IdrPerUsd");
        if (!DateOnly.TryParseExact(Input.RateDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || !Wib.InRange(date))
        {
            ModelState.AddModelError("Input.RateDate", Text["Admin.Rules.DateInvalid"]);
        }

        var chapters = RuleConsole.ParseChapters(Input.ExemptHsChapters);
        if (chapters is null)
        {
            ModelState.AddModelError("Input.ExemptHsChapters", Text["Admin.Rules.ChaptersInvalid"]);
        }

        return ModelState.IsValid
            ? new CrossBorderMinimumPrice(Input.Enabled, usdCents, rateInSen / 100m, date, chapters!.ToHashSet())
            : null;
    }

    /// <summary>
    /// Dollars and the rate are read as whole hundredths (cents, sen) in integers, never through a fractional type: a third
    /// digit after the point is refused here rather than rounded by the database, so the preview shows what the stored rule
    /// will do. Zeros after the last digit are no digits ("99.500" is 99.50).
    /// </summary>
    private long ReadHundredths(string? input, string field)
    {
        var match = AmountPattern().Match(input?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            ModelState.AddModelError(field, Text["Admin.Rules.PositiveNumber"]);
            return 0;
        }

        var fraction = match.Groups["fraction"].Value.TrimEnd('0');
        if (fraction.Length > CrossBorderMinimumPrice.RateDecimals)
        {
            ModelState.AddModelError(field, Text["Admin.Rules.TwoDecimals"]);
            return 0;
        }

        var hundredths = long.Parse(match.Groups["whole"].Value.PadLeft(1, '0') + fraction.PadRight(CrossBorderMinimumPrice.RateDecimals, '0'), CultureInfo.InvariantCulture);
        if (hundredths <= 0 || hundredths > MaxHundredths)
        {
            ModelState.AddModelError(field, Text["Admin.Rules.PositiveNumber"]);
        }

        return hundredths;
    }

    [GeneratedRegex(@"^(?=\.?\d)(?<whole>\d{0,9})(\.(?<fraction>\d*))?$")]
    private static partial Regex AmountPattern();

    public sealed class MinimumInput
    {
        [Display(Name = "Admin.Field.MinimumEnabled")]
        public bool Enabled { get; set; }

        [Display(Name = "Admin.Field.UsdAmount")]
        public string? UsdAmount { get; set; }

        [Display(Name = "Admin.Field.IdrPerUsd")]
        public string? IdrPerUsd { get; set; }

        [Display(Name = "Admin.Field.RateDate")]
        public string? RateDate { get; set; }

        [Display(Name = "Admin.Field.ExemptHsChapters")]
        public string? ExemptHsChapters { get; set; }
    }
}
