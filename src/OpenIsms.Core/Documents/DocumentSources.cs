using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Scope;
using OpenIsms.Core.Soa;

namespace OpenIsms.Core.Documents;

/// <summary>The registers a mandatory document can be generated from; None for a document written by hand.</summary>
public enum DocumentSource
{
    None,
    Scope,
    SecurityPolicy,
    RiskMethodology,
    RiskTreatment,
    Soa,
    Roles,
}

/// <summary>
/// Drafts of the mandatory documents, written in the project's own words from what the registers hold now: the scope
/// document (4.3), an information security policy skeleton (5.2), the risk assessment methodology (6.1.2), the risk
/// treatment process and plan (6.1.3 e) and the Statement of Applicability (6.1.3 d). Each draft names the version of
/// its source; the SHA-256 of the generated text is kept with the version, so a later change to the source shows.
/// The text holds no "generated on" time: the same source always gives the same text.
/// </summary>
public sealed class DocumentSources(OpenIsmsDbContext db)
{
    public sealed record Generated
    {
        public required string Title { get; init; }

        public required DocumentKind Kind { get; init; }

        public required string Clauses { get; init; }

        public required string Markdown { get; init; }

        /// <summary>Which version of the source the text was built from, in words ("Scope version 3").</summary>
        public required string SourceLabel { get; init; }

        public string Hash => DocumentVersion.Hash(Markdown);
    }

    public static IReadOnlyList<DocumentSource> All { get; } = [DocumentSource.Scope, DocumentSource.SecurityPolicy, DocumentSource.RiskMethodology, DocumentSource.RiskTreatment, DocumentSource.Soa, DocumentSource.Roles];

    public static string Describe(DocumentSource source) => source switch
    {
        DocumentSource.Scope => "The ISMS scope document (clause 4.3), from the approved scope",
        DocumentSource.SecurityPolicy => "An information security policy to complete (clause 5.2)",
        DocumentSource.RiskMethodology => "The risk assessment methodology (clause 6.1.2), from the approved methodology",
        DocumentSource.RiskTreatment => "The risk treatment process and plan (clause 6.1.3 e), from the register",
        DocumentSource.Soa => "The Statement of Applicability (clause 6.1.3 d), from its latest approved version",
        DocumentSource.Roles => "ISMS roles, responsibilities and authorities (clause 5.3), from the roles and the RACI matrix",
        _ => "",
    };

    /// <summary>The draft as the source stands now, or a failure saying what must exist first.</summary>
    public async Task<Result<Generated>> Handle(DocumentSource source, CancellationToken ct = default)
    {
        var org = await db.Set<Organisation>().AsNoTracking().Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "the organisation";
        return source switch
        {
            DocumentSource.Scope => await ScopeDocument(org, ct),
            DocumentSource.SecurityPolicy => await Policy(org, ct),
            DocumentSource.RiskMethodology => await Methodology(org, ct),
            DocumentSource.RiskTreatment => await Treatment(org, ct),
            DocumentSource.Soa => await Soa(org, ct),
            DocumentSource.Roles => await RolesDocument(org, ct),
            _ => Result<Generated>.From(Result.Fail("This document is written by hand, not generated.")),
        };
    }

    private Task<ScopeRevision?> ApprovedScope(CancellationToken ct) =>
        db.Set<ScopeRevision>().AsNoTracking().Where(r => r.Status == ScopeStatus.Approved).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);

    private async Task<Result<Generated>> ScopeDocument(string org, CancellationToken ct)
    {
        if (await ApprovedScope(ct) is not { } scope)
        {
            return Result<Generated>.From(Result.Fail("Approve the scope first: the scope document is built from the approved scope."));
        }

        var items = await db.Set<ScopeItem>().AsNoTracking().Where(i => i.RevisionId == scope.Id).OrderBy(i => i.Kind).ThenBy(i => i.Name).ToListAsync(ct);
        var interfaces = await db.Set<ScopeInterface>().AsNoTracking().Where(i => i.RevisionId == scope.Id).OrderBy(i => i.Kind).ThenBy(i => i.Name).ToListAsync(ct);
        var md = new StringBuilder();
        md.Append("# Scope of the information security management system\n\n");
        md.Append($"This document states the boundaries and applicability of the ISMS of {org}. It is generated from scope version {scope.Number}, ")
          .Append($"approved by {scope.ApprovedByName} on {scope.ApprovedAt:d MMMM yyyy}, and is kept in step with it.\n\n");
        md.Append("## Scope statement\n\n").Append(scope.Statement.Trim()).Append("\n\n");
        md.Append("## What the ISMS covers\n\n");
        Table(md, ["Kind", "Name", "Description"], items.Where(i => i.InScope).Select(i => new[] { Text.Words(i.Kind.ToString()), i.Name, i.Description ?? "" }));
        md.Append("## What is excluded, and why\n\n");
        Table(md, ["Kind", "Name", "Reason for the exclusion"], items.Where(i => !i.InScope).Select(i => new[] { Text.Words(i.Kind.ToString()), i.Name, i.Justification ?? "" }));
        md.Append("## Interfaces and dependencies\n\n")
          .Append("Where activities inside the scope meet those outside it, or rely on other parties:\n\n");
        Table(md, ["Kind", "Name", "With", "Description"], interfaces.Select(i => new[] { Text.Words(i.Kind.ToString()), i.Name, i.Counterparty ?? "", i.Description ?? "" }));
        md.Append("## Climate change\n\n").Append(scope.ClimateChange switch
        {
            ClimateRelevance.Relevant => "Climate change was determined to be a relevant issue for the ISMS.",
            ClimateRelevance.NotRelevant => "Climate change was determined not to be a relevant issue for the ISMS.",
            _ => "Whether climate change is a relevant issue has not been determined yet.",
        }).Append(scope.ClimateChangeRationale is { } why ? $" {why.Trim()}" : "").Append("\n\n");
        md.Append("## Context\n\nThe internal and external issues and the interested parties that shaped this scope are kept in the ISMS's registers of context issues and interested parties.\n");
        return new Generated { Title = "ISMS scope", Kind = DocumentKind.IsmsDocument, Clauses = "4.3", Markdown = md.ToString(), SourceLabel = $"Scope version {scope.Number}" };
    }

    private async Task<Result<Generated>> Policy(string org, CancellationToken ct)
    {
        var scope = await ApprovedScope(ct);
        var md = new StringBuilder();
        md.Append("# Information security policy\n\n");
        md.Append($"> A starting point for {org}'s policy. Replace the notes in brackets with the organisation's own decisions, and have top management approve it.\n\n");
        md.Append("## Purpose\n\n")
          .Append($"Information is essential to {org}. This policy sets the direction for protecting its confidentiality, integrity and availability, ")
          .Append("and for managing information security as a system that is planned, operated, checked and improved.\n\n");
        md.Append("## Scope\n\n").Append(scope is null
            ? "[Describe the boundaries of the ISMS, or approve the scope in OpenIsms and generate this draft again.]\n\n"
            : $"The policy applies to the ISMS as defined in scope version {scope.Number}: {FirstSentence(scope.Statement)}\n\n");
        md.Append("## Our commitments\n\n")
          .Append("Top management commits to:\n\n")
          .Append("- meet the information security requirements that apply to us: legal, regulatory and contractual ones, and those of our interested parties;\n")
          .Append("- provide the people, time and money the ISMS needs;\n")
          .Append("- keep improving the ISMS, learning from incidents, audits, reviews and measurements;\n")
          .Append("- assess information security risks regularly and treat them according to the approved risk methodology.\n\n");
        md.Append("## Information security objectives\n\n")
          .Append("Objectives are set each year, are consistent with this policy, can be measured, and each has an owner, a plan and a due date. ")
          .Append("[List this year's objectives, or where they are kept.]\n\n");
        md.Append("## Roles and responsibilities\n\n");
        Table(md, ["Role", "Responsibility"],
        [
            ["Top management", "Approves this policy and the risk acceptance criteria, provides resources, chairs the management review."],
            ["ISMS manager", "Runs the ISMS day to day, reports on its performance, keeps its documents under control."],
            ["Risk owners", "Assess their risks, decide their treatment and accept what remains."],
            ["Control owners", "Operate their controls and keep the evidence that they work."],
            ["Everyone", "Follows this policy and the topic-specific policies, and reports incidents and weaknesses without delay."],
        ]);
        md.Append("## Communication and review\n\n")
          .Append("This policy is communicated to everyone in the scope, who acknowledge having read it, and made available to interested parties as appropriate. ")
          .Append("It is reviewed at least once a year and whenever a significant change occurs.\n");
        return new Generated { Title = "Information security policy", Kind = DocumentKind.SecurityPolicy, Clauses = "5.2", Markdown = md.ToString(), SourceLabel = scope is null ? "No approved scope" : $"Scope version {scope.Number}" };
    }

    private async Task<Result<Generated>> Methodology(string org, CancellationToken ct)
    {
        var approved = await db.Set<RiskMethodology>().AsNoTracking().Where(m => m.Status == MethodologyStatus.Approved).OrderByDescending(m => m.Number).FirstOrDefaultAsync(ct);
        if (approved is null)
        {
            return Result<Generated>.From(Result.Fail("Approve a risk methodology first: this document is built from the approved version."));
        }

        var d = approved.Definition;
        var md = new StringBuilder();
        md.Append("# Information security risk assessment methodology\n\n");
        md.Append($"How {org} identifies, analyses and evaluates information security risks, so that repeated assessments give consistent, valid and comparable results. ")
          .Append($"Generated from methodology version {approved.Number} (\"{approved.Name}\"), approved by {approved.ApprovedByName} on {approved.ApprovedAt:d MMMM yyyy}.\n\n");
        md.Append("## Identifying risks\n\nEach risk is a scenario: a threat exploiting a vulnerability of one or more assets, with a risk owner accountable for it. ")
          .Append("Risks are identified from the asset inventory, the threat and vulnerability catalogues, incidents, audits and changes.\n\n");
        md.Append("## Likelihood\n\n");
        Table(md, ["Value", "Level", "Meaning"], d.Likelihood.Select((l, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), l.Label, l.Description ?? "" }));
        md.Append("## Impact\n\n");
        if (d.ImpactAreas.Count > 0)
        {
            md.Append($"Impact is rated for each of these areas ({string.Join(", ", d.ImpactAreas)}); the highest rating counts.\n\n");
        }

        Table(md, ["Value", "Level", "Meaning"], d.Impact.Select((l, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), l.Label, l.Description ?? "" }));
        md.Append("## Risk levels\n\nThe level of a risk is read from the matrix of likelihood (rows) and impact (columns):\n\n");
        Table(md, ["Likelihood \\ Impact", .. d.Impact.Select(i => i.Label)],
            d.Likelihood.Select((l, row) => new[] { l.Label }.Concat(d.Impact.Select((_, col) => d.Levels[d.Matrix[row][col]].Name)).ToArray()));
        Table(md, ["Level", "Meaning"], d.Levels.Select(l => new[] { l.Name, l.Description ?? "" }));
        md.Append("## Risk acceptance criteria\n\n")
          .Append($"A risk whose residual level is {d.Levels[Math.Clamp(d.AcceptanceThreshold, 0, d.Levels.Count - 1)].Name} or lower may be accepted by its owner. ")
          .Append("A higher residual risk needs the approval of management before it is accepted.\n\n");
        md.Append("## Reassessment\n\n").Append($"Each risk is reassessed at least every {d.ReviewIntervalMonths} months, and whenever its assets, threats or controls change significantly.\n");
        return new Generated { Title = "Risk assessment methodology", Kind = DocumentKind.IsmsDocument, Clauses = "6.1.2", Markdown = md.ToString(), SourceLabel = $"Methodology version {approved.Number}" };
    }

    private async Task<Result<Generated>> Treatment(string org, CancellationToken ct)
    {
        var methodology = await db.Set<RiskMethodology>().AsNoTracking().Where(m => m.Status == MethodologyStatus.Approved).OrderByDescending(m => m.Number).FirstOrDefaultAsync(ct);
        var levels = methodology?.Definition.Levels ?? [];
        var risks = await db.Set<Risk>().AsNoTracking().Where(r => r.Status != RiskStatus.Closed && r.Treatment != null).OrderBy(r => r.Reference)
            .Select(r => new { r.Id, r.Reference, r.Title, r.Treatment, r.TreatmentRationale, r.ResidualLevel, Owner = db.Set<AppUser>().Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var actions = await (from a in db.Set<TreatmentAction>().AsNoTracking()
                             join r in db.Set<Risk>() on a.RiskId equals r.Id
                             where r.Status != RiskStatus.Closed && a.Status != ActionStatus.Cancelled
                             orderby r.Reference, a.Due
                             select new { r.Reference, a.Title, a.Due, a.Status, a.Resources, Owner = db.Set<AppUser>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var md = new StringBuilder();
        md.Append("# Risk treatment process and plan\n\n");
        md.Append($"How {org} chooses how to treat each assessed risk, and the plan that carries the choices out.\n\n");
        md.Append("## Process\n\n")
          .Append("1. For each risk above the acceptance criteria, its owner chooses to mitigate it (with controls), avoid it (stop the activity), transfer it (for example to an insurer or supplier) or accept it, and records why.\n")
          .Append("2. The controls needed are chosen, compared with Annex A so that none is overlooked, and recorded in the Statement of Applicability.\n")
          .Append("3. Each action gets an owner, the resources it needs and a due date; progress is followed until it is done.\n")
          .Append("4. The owner accepts the residual risk; one above the acceptance criteria needs management approval.\n\n");
        md.Append($"## Decisions\n\n{risks.Count} open {(risks.Count == 1 ? "risk has" : "risks have")} a treatment decision.\n\n");
        Table(md, ["Risk", "Title", "Owner", "Treatment", "Why", "Residual level"],
            risks.Select(r => new[] { r.Reference, r.Title, r.Owner ?? "", r.Treatment?.ToString() ?? "", r.TreatmentRationale ?? "", r.ResidualLevel is { } l && l < levels.Count ? levels[l].Name : "" }));
        md.Append("## Plan\n\n");
        Table(md, ["Risk", "Action", "Owner", "Resources", "Due", "Status"],
            actions.Select(a => new[] { a.Reference, a.Title, a.Owner ?? "", a.Resources ?? "", a.Due?.ToString("yyyy-MM-dd") ?? "", Text.Words(a.Status.ToString()) }));
        var fingerprint = DocumentVersion.Hash(md.ToString())[..12];
        return new Generated { Title = "Risk treatment process and plan", Kind = DocumentKind.IsmsDocument, Clauses = "6.1.3 e", Markdown = md.ToString(), SourceLabel = $"Risk register as of state {fingerprint}" };
    }

    private async Task<Result<Generated>> Soa(string org, CancellationToken ct)
    {
        var version = await db.Set<SoaVersion>().AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return Result<Generated>.From(Result.Fail("Approve the Statement of Applicability first: this document is built from its latest approved version."));
        }

        var md = new StringBuilder();
        md.Append("# Statement of Applicability\n\n");
        md.Append($"The Annex A controls {org} has determined to be necessary or not, why, and whether they are implemented. ")
          .Append($"Generated from SoA version {version.Number}, approved by {version.ApprovedByName} on {version.ApprovedAt:d MMMM yyyy}.\n\n");
        Table(md, ["Control", "Title", "Applicable", "Justification", "Status"], version.Rows.Select(r => new[]
        {
            r.Code, r.Title, r.Applicable switch { true => "Yes", false => "No", _ => "Not decided" },
            r.Applicable == false ? r.ExclusionJustification ?? "" : string.Join("; ", new[] { string.Join(", ", r.Reasons), r.InclusionJustification ?? "" }.Where(x => x.Length > 0)),
            r.Status,
        }));
        return new Generated { Title = "Statement of Applicability", Kind = DocumentKind.IsmsDocument, Clauses = "6.1.3 d", Markdown = md.ToString(), SourceLabel = $"SoA version {version.Number}" };
    }

    private async Task<Result<Generated>> RolesDocument(string org, CancellationToken ct)
    {
        var roles = await db.Set<IsmsRole>().AsNoTracking().OrderByDescending(r => r.TopManagement).ThenBy(r => r.Name).ToListAsync(ct);
        if (roles.Count == 0)
        {
            return Result<Generated>.From(Result.Fail("Define the ISMS roles first: this document is built from them and the RACI matrix."));
        }

        var today = await db.Clock.Today(ct);
        var holders = (await ListIsmsRoles.CurrentHolders(db, today).Join(db.Set<Person>(), a => a.PersonId, p => p.Id, (a, p) => new { a.RoleId, p.Name, p.JobTitle })
            .OrderBy(h => h.Name).ToListAsync(ct)).ToLookup(h => h.RoleId);
        var matrix = await new GetRaciMatrix(db).Handle(ct);
        var md = new StringBuilder();
        md.Append("# ISMS roles, responsibilities and authorities\n\n");
        md.Append($"Who is responsible for what in the information security management system of {org}, with what authority, and who granted it. ")
          .Append("Top management assigns these roles and makes them known within the organisation.\n\n");
        foreach (var role in roles)
        {
            md.Append($"## {role.Name}\n\n");
            if (role.TopManagement)
            {
                md.Append("This role is top management's.\n\n");
            }

            md.Append($"**Responsibilities.** {Flat(role.Responsibilities)}\n\n");
            md.Append($"**Authorities.** {Flat(role.Authorities) ?? "None stated."}\n\n");
            if (role.GrantedBy is not null)
            {
                md.Append($"**Granted by** {role.GrantedBy}{(role.GrantedOn is { } on ? $" on {on:d MMMM yyyy}" : "")}.\n\n");
            }

            var held = holders[role.Id].ToList();
            md.Append(held.Count == 0 ? "**Held by** nobody at present.\n\n"
                : $"**Held by** {string.Join(", ", held.Select(h => h.JobTitle is null ? h.Name : $"{h.Name} ({h.JobTitle})"))}.\n\n");
        }

        md.Append("## Who does what (RACI)\n\n")
          .Append("R: does the work. A: answers for it (one per row). C: is consulted before. I: is informed after.\n\n");
        Table(md, ["Process or control", .. matrix.Roles.Select(r => r.Name)],
            matrix.Rows.Select(r => new[] { r.ControlCode is null ? r.Name : $"{r.Name} ({r.ControlCode})" }
                .Concat(matrix.Roles.Select(c => r.Cells.TryGetValue(c.Id, out var l) ? RaciActivity.Short(l) : "")).ToArray()));
        var fingerprint = DocumentVersion.Hash(md.ToString())[..12];
        return new Generated
        {
            Title = "ISMS roles, responsibilities and authorities", Kind = DocumentKind.IsmsDocument, Clauses = "5.3", Markdown = md.ToString(),
            SourceLabel = $"ISMS roles as of state {fingerprint}",
        };
    }

    private static string? Flat(string? text) => text?.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();

    private static string FirstSentence(string text)
    {
        var trimmed = text.Trim().Replace('\n', ' ');
        var end = trimmed.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? trimmed[..(end + 1)] : trimmed;
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            md.Append("None.\n\n");
            return;
        }

        md.Append("| ").Append(string.Join(" | ", header.Select(Cell))).Append(" |\n");
        md.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in list)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Cell(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
}
