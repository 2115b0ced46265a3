using CsvHelper;

namespace Marketplace.Web.Features;

/// <summary>
/// How every CSV a person opens in a spreadsheet is written: UTF-8 with a byte order mark, for Excel, and a cell starting with
/// =, +, -, @, a tab or a carriage return escaped with an apostrophe (CSV injection), so it is shown as text, never run as a formula.
/// </summary>
public static class SpreadsheetCsv
{
    public static CsvWriterOptions Options() => new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
}
