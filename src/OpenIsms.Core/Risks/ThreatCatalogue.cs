using OpenIsms.Core.Common;

namespace OpenIsms.Core.Risks;

/// <summary>Something that could cause harm (a flood, ransomware, a careless mistake), grouped as ISO/IEC 27005's examples are.</summary>
[AuditName("Threat")]
public sealed class Threat : Entity
{
    public static readonly string[] Groups =
        ["Physical", "Natural", "Infrastructure failure", "Technical failure", "Human action", "Compromise of functions or information", "Organisational"];

    public string Name { get; private set; } = "";

    public string Group { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>Which of confidentiality, integrity and availability it usually harms, e.g. "CIA" or "A".</summary>
    public string Affects { get; private set; } = "";

    public Result Update(string name, string group, string? description, string? affects)
    {
        var letters = new string((affects ?? "").ToUpperInvariant().Where(c => c is 'C' or 'I' or 'A').Distinct().ToArray());
        var check = new Validation()
            .Required(nameof(Name), name, "Enter the threat's name.")
            .MaxLength(nameof(Name), name, Limits.Name, "The name")
            .Must(Groups.Contains(group), nameof(Group), "Choose a group.")
            .MaxLength(nameof(Description), description, Limits.LongText, "The description");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = name.Trim();
        Group = group;
        Description = Text.OrNull(description);
        Affects = string.Concat("CIA".Where(letters.Contains));
        return Result.Ok();
    }
}

/// <summary>A weakness a threat can exploit (no backups off-site, shared admin passwords), grouped by where it lies.</summary>
[AuditName("Vulnerability")]
public sealed class Vulnerability : Entity
{
    public static readonly string[] Groups = ["Hardware", "Software", "Network", "Personnel", "Site", "Organisation"];

    public string Name { get; private set; } = "";

    public string Group { get; private set; } = "";

    public string? Description { get; private set; }

    public Result Update(string name, string group, string? description)
    {
        var check = new Validation()
            .Required(nameof(Name), name, "Enter the vulnerability's name.")
            .MaxLength(nameof(Name), name, Limits.Name, "The name")
            .Must(Groups.Contains(group), nameof(Group), "Choose a group.")
            .MaxLength(nameof(Description), description, Limits.LongText, "The description");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = name.Trim();
        Group = group;
        Description = Text.OrNull(description);
        return Result.Ok();
    }
}
