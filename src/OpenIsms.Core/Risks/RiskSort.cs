namespace OpenIsms.Core.Risks;

public enum RiskSort
{
    Reference,
    Title,
    Owner,
    Inherent,
    Residual,
    NextReview,
    Status,
}
