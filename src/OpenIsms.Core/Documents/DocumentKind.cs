namespace OpenIsms.Core.Documents;

/// <summary>What a controlled document is; each kind is numbered in its own series (POL-001, PRC-001…).</summary>
public enum DocumentKind
{
    SecurityPolicy,
    TopicPolicy,
    Procedure,
    Standard,
    Plan,
    RecordTemplate,
    External,

    /// <summary>A document the standard asks the ISMS itself to keep: the scope, the risk methodology, the treatment plan, the SoA.</summary>
    IsmsDocument,
}

public static class DocumentKinds
{
    public static string Prefix(DocumentKind kind) => kind switch
    {
        DocumentKind.SecurityPolicy => "POL-",
        DocumentKind.TopicPolicy => "TSP-",
        DocumentKind.Procedure => "PRC-",
        DocumentKind.Standard => "STD-",
        DocumentKind.Plan => "PLN-",
        DocumentKind.RecordTemplate => "TPL-",
        DocumentKind.IsmsDocument => "ISMS-",
        _ => "EXT-",
    };

    public static string Name(DocumentKind kind) => kind switch
    {
        DocumentKind.SecurityPolicy => "Information security policy",
        DocumentKind.TopicPolicy => "Topic-specific policy",
        DocumentKind.Procedure => "Procedure",
        DocumentKind.Standard => "Standard",
        DocumentKind.Plan => "Plan",
        DocumentKind.RecordTemplate => "Record template",
        DocumentKind.IsmsDocument => "ISMS document",
        _ => "External document",
    };
}

/// <summary>Where a document stands in the register: never approved yet (a draft, or waiting for approval), or in force.</summary>
public enum DocumentStatus
{
    Draft,
    InApproval,
    Approved,
}

/// <summary>A version's life: edited freely as a draft, frozen once submitted, in force once approved, kept when replaced.</summary>
public enum VersionState
{
    Draft,
    InApproval,
    Current,
    Superseded,
}

/// <summary>How many of the named approvers must approve: all of them, any one, or a number of them.</summary>
public enum Quorum
{
    All,
    Any,
    Count,
}

public enum ApprovalDecision
{
    Pending,
    Approved,
    Rejected,
}
