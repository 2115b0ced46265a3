using QRCoder;

namespace Marketplace.Web.Features.Sellers.Orders;

/// <summary>The order number as a QR code drawn as SVG on the server, so the label prints sharp and needs no script.</summary>
public static class ShippingLabelCode
{
    public static string Svg(string orderNumber)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(orderNumber, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(new System.Drawing.Size(160, 160), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
