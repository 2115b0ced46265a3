using System.Globalization;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using ZXing.OneD;

namespace Marketplace.Web.Features.Shipping;

/// <summary>Who sends a parcel, as the label prints it: the shop, its pickup address and a phone the courier can call.</summary>
public sealed record LabelSender(string Name, string? Street, string City, string Province, string? PostalCode, string? Phone);

/// <summary>Everything one A6 label shows about one seller's part of an order.</summary>
/// <param name="TrackingNumber">The resi, printed as a Code 128 barcode; null before the part is booked (the order number is printed instead).</param>
/// <param name="CashToCollect">What the courier collects on delivery, goods and shipping; zero when the order was paid ahead.</param>
public sealed record ShippingLabel(
    string OrderNumber, string? TrackingNumber, string Courier, string ServiceName, int ChargeableKg, LabelSender Sender, ShippingAddress Recipient,
    Rupiah CashToCollect, IReadOnlyList<string> Items);

/// <summary>
/// Draws labels as a PDF on the server, one A6 page (105 × 148 mm) each, so any browser prints them at their size. The resi
/// is a Code 128 barcode drawn as bars (ZXing.Net computes the modules); text is set in the Segoe WP faces that ship inside
/// PDFsharp, so no system font is needed, with WinAnsi encoding and uncompressed content so the text stays searchable.
/// </summary>
public static class ShippingLabels
{
    private const double Margin = 14;
    private static readonly Lock FontLock = new();

    public static byte[] Render(IReadOnlyList<ShippingLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        UseBundledFonts();
        using var document = new PdfDocument();
        document.Info.Title = "Label pengiriman";
        document.Options.CompressContentStreams = false;
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        var regular = new XFont(LabelFonts.Family, 8, XFontStyleEx.Regular, options);
        var bold = new XFont(LabelFonts.Family, 9, XFontStyleEx.Bold, options);
        var large = new XFont(LabelFonts.Family, 13, XFontStyleEx.Bold, options);
        foreach (var label in labels)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(105);
            page.Height = XUnit.FromMillimeter(148);
            using var gfx = XGraphics.FromPdfPage(page);
            Draw(gfx, page.Width.Point, label, regular, bold, large);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics gfx, double width, ShippingLabel label, XFont regular, XFont bold, XFont large)
    {
        var inner = width - (2 * Margin);
        var y = Margin;
        gfx.DrawString($"{label.Courier} {label.ServiceName}", large, XBrushes.Black, new XPoint(Margin, y + 12));
        gfx.DrawString($"{label.ChargeableKg} kg", bold, XBrushes.Black, new XRect(Margin, y, inner, 14), XStringFormats.TopRight);
        y += 22;

        var code = label.TrackingNumber ?? label.OrderNumber;
        DrawCode128(gfx, code, new XRect(Margin, y, inner, 48));
        y += 52;
        gfx.DrawString((label.TrackingNumber is null ? "No. pesanan " : "Resi ") + code, bold, XBrushes.Black, new XRect(Margin, y, inner, 10), XStringFormats.TopCenter);
        y += 16;

        if (label.CashToCollect.Amount > 0)
        {
            gfx.DrawRectangle(XPens.Black, XBrushes.Black, Margin, y, inner, 22);
            gfx.DrawString($"COD - TAGIH {label.CashToCollect}", large, XBrushes.White, new XRect(Margin, y + 4, inner, 16), XStringFormats.TopCenter);
        }
        else
        {
            gfx.DrawRectangle(XPens.Black, Margin, y, inner, 22);
            gfx.DrawString("NON-COD - sudah dibayar", bold, XBrushes.Black, new XRect(Margin, y + 6, inner, 12), XStringFormats.TopCenter);
        }

        y += 30;
        y = Block(gfx, "Penerima", [label.Recipient.RecipientName, label.Recipient.Phone, label.Recipient.Street, $"{label.Recipient.City}, {label.Recipient.Province} {label.Recipient.PostalCode}"], y, inner, regular, bold);
        var sender = label.Sender;
        var senderLines = new List<string> { sender.Name };
        if (sender.Phone is { Length: > 0 } phone)
        {
            senderLines.Add(phone);
        }

        if (sender.Street is { Length: > 0 } street)
        {
            senderLines.Add(street);
        }

        senderLines.Add($"{sender.City}, {sender.Province} {sender.PostalCode}".TrimEnd());
        y = Block(gfx, "Pengirim", senderLines, y, inner, regular, bold);
        gfx.DrawString($"No. pesanan {label.OrderNumber}", bold, XBrushes.Black, new XPoint(Margin, y + 8));
        y += 14;
        foreach (var item in label.Items.Take(6))
        {
            gfx.DrawString(Fit(gfx, item, regular, inner), regular, XBrushes.Black, new XPoint(Margin, y + 8));
            y += 10;
        }

        if (label.Items.Count > 6)
        {
            gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"+ {label.Items.Count - 6} barang lain"), regular, XBrushes.Black, new XPoint(Margin, y + 8));
        }
    }

    private static double Block(XGraphics gfx, string heading, IReadOnlyList<string> lines, double y, double inner, XFont regular, XFont bold)
    {
        gfx.DrawLine(XPens.Black, Margin, y, Margin + inner, y);
        gfx.DrawString(heading, bold, XBrushes.Black, new XPoint(Margin, y + 11));
        y += 14;
        foreach (var line in lines)
        {
            gfx.DrawString(Fit(gfx, line, regular, inner), regular, XBrushes.Black, new XPoint(Margin, y + 8));
            y += 10;
        }

        return y + 4;
    }

    /// <summary>The text cut to the label's width with an ellipsis, and kept to what WinAnsi can print.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        var printable = new string(text.Select(c => c is >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF' ? c : '?').ToArray());
        if (gfx.MeasureString(printable, font).Width <= width)
        {
            return printable;
        }

        while (printable.Length > 1 && gfx.MeasureString(printable + "...", font).Width > width)
        {
            printable = printable[..^1];
        }

        return printable + "...";
    }

    /// <summary>Draws the Code 128 modules as black bars across the box, the quiet zone included in the modules ZXing returns.</summary>
    private static void DrawCode128(XGraphics gfx, string text, XRect box)
    {
        var modules = new Code128Writer().encode(text);
        var module = box.Width / modules.Length;
        for (var i = 0; i < modules.Length;)
        {
            if (!modules[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < modules.Length && modules[i])
            {
                i++;
            }

            gfx.DrawRectangle(XBrushes.Black, box.X + (start * module), box.Y, (i - start) * module, box.Height);
        }
    }

    private static void UseBundledFonts()
    {
        lock (FontLock)
        {
            GlobalFontSettings.FontResolver ??= new LabelFonts();
        }
    }

    /// <summary>Serves the Segoe WP faces bundled with PDFsharp for every family asked for, so labels look the same on any server.</summary>
    private sealed class LabelFonts : IFontResolver
    {
        public const string Family = "Segoe WP";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "SegoeWP-Bold" : "SegoeWP");

        public byte[]? GetFont(string faceName) =>
            faceName == "SegoeWP-Bold" ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
    }
}
