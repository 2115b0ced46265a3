namespace Marketplace.Web.Features.Admin;

/// <summary>A cluster as a choice in a form or a filter.</summary>
public sealed record ClusterOption(int Id, string Code, string NameId, string NameEn)
{
    public string Name(bool indonesian) => indonesian ? NameId : NameEn;
}
