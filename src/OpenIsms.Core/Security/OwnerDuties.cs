namespace OpenIsms.Core.Security;

/// <summary>
/// What being named a record's owner asks of a person, as the permission their role must grant. Owner pickers offer
/// only people whose role grants it, the owner's acts require it as well as the ownership (a Viewer who owns a risk
/// cannot sign off its acceptance), and an owner whose role no longer grants it is listed for administrators.
/// Written as the permissions' values, so that Security names no area (a unit test checks they match).
/// </summary>
public static class OwnerDuties
{
    /// <summary>Keeps the asset's record up to date.</summary>
    public const string Asset = "assets.edit";

    /// <summary>Assesses the risk and signs off its treatment and residual risk.</summary>
    public const string Risk = "risks.accept";

    /// <summary>Operates the control and reviews the evidence collected for it.</summary>
    public const string Control = "controls.operate";

    /// <summary>Carries out a treatment action and records its progress.</summary>
    public const string TreatmentAction = "risks.edit";

    /// <summary>Keeps a controlled document up to date and reviews it when due.</summary>
    public const string Document = "documents.edit";
}
