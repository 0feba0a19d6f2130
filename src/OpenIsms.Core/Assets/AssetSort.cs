namespace OpenIsms.Core.Assets;

public enum AssetSort
{
    Reference,
    Name,
    Type,
    Owner,
    Criticality,
    Protection,
}
