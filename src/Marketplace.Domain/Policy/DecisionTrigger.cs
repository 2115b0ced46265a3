namespace Marketplace.Domain.Policy;

/// <summary>What caused a decision to be taken.</summary>
public enum DecisionTrigger
{
    SellerPublish = 0,
    SellerEdit = 1,
    CsvImport = 2,
    SellerApi = 3,
    AdminApproval = 4,
    ClusterBlocked = 5,
    ClusterOpened = 6,
    ScheduledBlock = 7,
    CategoryMoved = 8,
    SellerOriginChanged = 9,
    SellerSuspended = 10,
    SellerReinstated = 11,
    RulesChanged = 12,

    /// <summary>An admin verified a shop's local status; its listings waiting for that are decided again.</summary>
    OriginVerified = 20,

    /// <summary>An admin granted the seller's appeal; the listing is decided again with the keyword rule waived.</summary>
    AppealGranted = 100,

    /// <summary>The platform closed the shop (a foreign trader in closed clusters); its listings leave the storefront.</summary>
    SellerClosed = 101,

    SellerReopened = 102,

    /// <summary>An admin took listings down (a regulator's order); only an admin brings them back.</summary>
    AdminSuspension = 103,

    /// <summary>
    /// An admin lifted a takedown (the regulator withdrew its request, or the seller's appeal was granted): the listing
    /// is decided again as a publication.
    /// </summary>
    TakedownLifted = 104,

    /// <summary>An admin took back an approval or a rejection within the undo window; the listing is decided again as a held one.</summary>
    ReviewUndone = 120,
}
