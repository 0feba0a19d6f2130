using OpenIsms.Core.Assets;
using OpenIsms.Core.Data;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Setup;

/// <summary>What a new installation starts with, all of it editable: a four-level classification scheme, a draft 5 × 5 risk methodology and the usual ISMS roles.</summary>
public static class StarterData
{
    public static void Add(OpenIsmsDbContext db)
    {
        var rank = 1;
        foreach (var name in ClassificationLevel.Defaults)
        {
            var level = new ClassificationLevel();
            level.Update(name, rank++, null);
            db.Add(level);
        }

        db.Add(RiskMethodology.FirstDraft(MethodologyDefinition.Default()));
        foreach (var suggestion in IsmsRole.Suggested)
        {
            var role = new IsmsRole();
            role.Update(IsmsRole.Command(suggestion), DateOnly.MaxValue);
            db.Add(role);
        }
    }
}
