using System.Text;

namespace Marketplace.Web.Features.Admin.Audit;

/// <summary>
/// CSV cells that a spreadsheet shows as text. A cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe, which spreadsheets
/// treat as "this is text"; cells are then quoted per RFC 4180 when they need it.
/// </summary>
public static class CsvCells
{
    public const string ByteOrderMark = "\uFEFF";

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (text.IndexOfAny([',', '"', '\n', '\r']) < 0 && text.Trim().Length == text.Length)
        {
            return text;
        }

        return new StringBuilder(text.Length + 2).Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
