namespace OpenIsms.Core.Risks;

public enum RatingKind
{
    Inherent,
    Residual,
}
