using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>Reads a page like a browser and submits one of its forms, antiforgery token included.</summary>
public static class FormPost
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs <paramref name="url"/>, fills the form matched by <paramref name="formSelector"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, IReadOnlyDictionary<string, string> fields, string formSelector = "main form[method=post]")
    {
        var (action, content) = await client.PrepareFormAsync(url, fields, formSelector);
        using (content)
        {
            return await client.PostAsync(action, content);
        }
    }

    /// <summary>Reads and fills a form without posting it, so a test can post several at the same moment.</summary>
    public static async Task<(string Action, FormUrlEncodedContent Content)> PrepareFormAsync(
        this HttpClient client, string url, IReadOnlyDictionary<string, string> fields, string formSelector = "main form[method=post]")
    {
        var (action, values) = await FormValuesAsync(client, url, fields, formSelector);
        return (action, new FormUrlEncodedContent(values));
    }

    /// <summary>Submits a form as multipart with files attached, the way a browser sends a form with a file input.</summary>
    public static async Task<HttpResponseMessage> SubmitFormWithFilesAsync(
        this HttpClient client, string url, IReadOnlyDictionary<string, string> fields, IEnumerable<(string Field, string FileName, byte[] Content, string ContentType)> files,
        string formSelector = "main form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(files);
        var (action, values) = await FormValuesAsync(client, url, fields, formSelector);
        using var content = Multipart(values, files);
        return await client.PostAsync(action, content);
    }

    /// <summary>A multipart body of fields and files, as a browser sends a form with file inputs.</summary>
    public static MultipartFormDataContent Multipart(
        IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Field, string FileName, byte[] Content, string ContentType)> files)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes, contentType) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(file, field, fileName);
        }

        return content;
    }

    private static async Task<(string Action, Dictionary<string, string> Values)> FormValuesAsync(
        HttpClient client, string url, IReadOnlyDictionary<string, string> fields, string formSelector)
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type is not ("checkbox" or "radio") || i.IsChecked))
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
        {
            values[select.Name!] = select.Value ?? string.Empty;
        }

        foreach (var textArea in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)))
        {
            values[textArea.Name!] = textArea.Value;
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return (action, values);
    }
}
