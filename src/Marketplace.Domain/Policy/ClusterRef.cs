namespace Marketplace.Domain.Policy;

public sealed record ClusterRef(int Id, string Code, string NameId, string NameEn);
