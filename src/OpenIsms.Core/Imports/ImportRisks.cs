using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Imports;

/// <summary>
/// Imports a risk register: scenario, owner, assets, threat, vulnerability, ratings under the approved methodology,
/// treatment with its rationale and planned Annex A controls. Dry run first; the import writes all rows or none.
/// </summary>
public sealed partial class ImportRisks(OpenIsmsDbContext db, ImportUploads uploads) : IImporter
{
    public const string Kind = "risks";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Reference", "Identifier", false, "id", "riskid", "ref", "reference", "riskno", "risikoid", "risikonr", "nr", "identifiant", "identificador", "identificativo", "nummer"),
        new("Title", "Title", true, "risktitle", "title", "riskname", "scenario", "name", "risiko", "titel", "bezeichnung", "risque", "titre", "riesgo", "título", "rischio", "titolo", "risico", "naam"),
        new("Description", "Description", false, "description", "riskdescription", "details", "beschreibung", "descripción", "descrizione", "beschrijving", "omschrijving"),
        new("Owner", "Owner", true, "owner", "riskowner", "risikoeigentümer", "verantwortlich", "risikoverantwortlicher", "propriétaire", "responsable", "propietario", "proprietario", "responsabile", "eigenaar", "risico-eigenaar"),
        new("Assets", "Assets", false, "assetprocess", "asset", "assets", "assetsaffected", "werte", "assetwerte", "actifs", "activos", "beni", "asset", "bedrijfsmiddelen"),
        new("Threat", "Threat", false, "threat", "bedrohung", "gefährdung", "menace", "amenaza", "minaccia", "dreiging"),
        new("Vulnerability", "Vulnerability", false, "vulnerability", "weakness", "schwachstelle", "vulnérabilité", "vulnerabilidad", "vulnerabilità", "kwetsbaarheid"),
        new("ExistingControls", "Existing controls", false, "existingcontrols", "currentcontrols", "controlsinplace", "bestehendemaßnahmen", "mesuresexistantes", "controlesexistentes", "controlliesistenti", "bestaandemaatregelen"),
        new("InherentLikelihood", "Inherent likelihood", false, "likelihood15", "likelihood", "inherentlikelihood", "eintrittswahrscheinlichkeit", "wahrscheinlichkeit", "probabilité", "vraisemblance", "probabilidad", "probabilità", "waarschijnlijkheid", "kans"),
        new("InherentImpact", "Inherent impact", false, "maximpact", "impact", "inherentimpact", "impact15", "auswirkung", "schadenshöhe", "schaden", "auswirkungen", "impacto", "impatto", "gevolg", "impact"),
        new("ResidualLikelihood", "Residual likelihood", false, "residuallikelihood", "restwahrscheinlichkeit", "probabilitérésiduelle", "probabilidadresidual", "probabilitàresidua", "restkans"),
        new("ResidualImpact", "Residual impact", false, "residualmaximpact", "residualimpact", "restauswirkung", "impactrésiduel", "impactoresidual", "impattoresiduo", "restgevolg"),
        new("Treatment", "Treatment", false, "treatmentdecision", "treatment", "treatmenttypes", "treatmenttype", "treatmentoption", "behandlung", "risikobehandlung", "traitement", "tratamiento", "trattamento", "behandeling"),
        new("TreatmentRationale", "Treatment rationale", false, "treatmentrationale", "rationale", "justification", "begründung", "justificación", "giustificazione", "motivering", "onderbouwing"),
        new("PlannedControls", "Planned Annex A controls", false, "plannedcontrols", "annexacontrol", "annexacontrols", "controls", "maßnahmen", "geplantemaßnahmen", "mesures", "controles", "controlli", "maatregelen"),
        new("NextReview", "Next review", false, "nextreview", "reviewdate", "nextreviewdate", "nächsteüberprüfung", "überprüfung", "prochainerevue", "próximarevisión", "prossimarevisione", "volgendebeoordeling") { IsDate = true },
        new("Status", "Status", false, "status", "statut", "estado", "stato"),
    ];

    string IImporter.Kind => Kind;

    string IImporter.Permission => RiskPermissions.Edit;

    IReadOnlyList<ImportField> IImporter.Fields => Fields;

    public async Task<IReadOnlyDictionary<string, ImportVocabulary>> Vocabularies(CancellationToken ct = default)
    {
        var users = await UserLookup.Load(db, Security.OwnerDuties.Risk, ct);
        var definition = (await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct))?.Definition;
        var vocabularies = new Dictionary<string, ImportVocabulary>
        {
            ["Owner"] = users.Vocabulary("owner"),
            ["Treatment"] = Imports.Vocabularies.Treatment,
            ["Status"] = Imports.Vocabularies.RiskStatus,
        };
        if (definition is not null)
        {
            vocabularies["InherentLikelihood"] = vocabularies["ResidualLikelihood"] = Imports.Vocabularies.Scale("likelihood", definition.Likelihood);
            vocabularies["InherentImpact"] = vocabularies["ResidualImpact"] = Imports.Vocabularies.Scale("impact", definition.Impact);
        }

        return vocabularies;
    }

    public async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct)
    {
        var (upload, table, stop) = await uploads.Open(id, Kind, RiskPermissions.Edit, "Your role does not allow importing risks.", mapping,
            c => c.ContainsKey("Title") && c.ContainsKey("Owner"), "Choose the columns that hold the risk's title and its owner.", ct);
        if (stop is not null || upload is null || table is null)
        {
            return stop ?? ImportReport.FileGone();
        }

        if (db.CurrentUser.UserId is not { } userId)
        {
            return ImportReport.Refused("Your role does not allow importing risks.");
        }

        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var methodology = await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
        var definition = methodology?.Definition;
        var users = await UserLookup.Load(db, Security.OwnerDuties.Risk, ct);
        var values = new ImportValues(table, Fields, mapping, await Vocabularies(ct));
        var assets = await db.Set<Asset>().AsNoTracking().ToListAsync(ct); // only read: new assets are added, none is changed
        var threats = await db.Set<Threat>().ToDictionaryAsync(t => t.Name, StringComparer.OrdinalIgnoreCase, ct);
        var vulnerabilities = await db.Set<Vulnerability>().ToDictionaryAsync(t => t.Name, StringComparer.OrdinalIgnoreCase, ct);
        var controls = await db.SoaControls().AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var existing = await db.Set<Risk>().ToDictionaryAsync(r => r.Reference, StringComparer.OrdinalIgnoreCase, ct);
        // Lookups, not list scans: a 10,000-row file against a 10,000-asset inventory must stay linear.
        var assetsByReference = assets.GroupBy(a => a.Reference, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var assetsByName = assets.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var existingLinks = (await db.Set<RiskAsset>().AsNoTracking().Select(x => new { x.RiskId, x.AssetId }).ToListAsync(ct)).Select(x => (x.RiskId, x.AssetId)).ToHashSet();
        var existingControls = (await db.Set<RiskControl>().AsNoTracking().Select(x => new { x.RiskId, x.RequirementId }).ToListAsync(ct)).Select(x => (x.RiskId, x.RequirementId)).ToHashSet();
        var nextAsset = assets.Where(a => a.Reference.StartsWith("AST-", StringComparison.OrdinalIgnoreCase))
            .Select(a => int.TryParse(a.Reference.AsSpan(4), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        var nextRisk = existing.Keys.Where(k => k.StartsWith("R-", StringComparison.OrdinalIgnoreCase))
            .Select(k => int.TryParse(k.AsSpan(2), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var now = db.Clock.UtcNow;
        var zone = await db.Clock.Zone(ct);
        int created = 0, updated = 0;
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";
        var levels = await db.Set<ClassificationLevel>().Select(l => l.Name).ToListAsync(ct);

        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));
            var reference = Cell(row, "Reference");
            var numbered = reference.Length == 0;
            if (numbered)
            {
                reference = $"R-{++nextRisk:000}";
            }

            if (seen.TryGetValue(reference, out var first))
            {
                Problem("Reference", $"{reference} appears again (first on row {first}).");
                continue;
            }

            seen[reference] = row.Number;

            // Owner: a user by name or e-mail, or the person chosen for that name in the value step (role names, teams).
            var ownerText = Cell(row, "Owner");
            string? ownerId = null;
            if (ownerText.Length == 0)
            {
                Problem("Owner", "The risk has no owner. Every risk needs one.");
            }
            else if (values.Read("Owner", ownerText) is { } owner && owner != ImportVocabulary.Empty)
            {
                ownerId = owner;
                if (users.Find(ownerText) is null)
                {
                    notes.Add($"Owner \"{ownerText}\" given to {users.Names.GetValueOrDefault(owner, owner)}, as chosen.");
                }
            }
            else
            {
                Problem("Owner", users.Unknown(ownerText, "own risks"));
            }

            // Assets: by identifier (also "Name (AST-007)"), then by name; missing ones created when asked.
            var assetIds = new List<Guid>();
            foreach (var token in AssetSeparators().Split(Cell(row, "Assets")).Select(t => t.Trim()).Where(t => t.Length > 0))
            {
                var inParentheses = Parenthesised().Match(token);
                var key = inParentheses.Success ? inParentheses.Groups[1].Value.Trim() : token;
                var asset = assetsByReference.GetValueOrDefault(key) ?? assetsByName.GetValueOrDefault(token);
                if (asset is null && mapping.CreateMissingAssets)
                {
                    asset = new Asset();
                    asset.Update(new SaveAsset.Command { Name = token, Description = $"Created by the import of {upload.FileName}." }, $"AST-{++nextAsset:000}", levels);
                    asset.NumberAutomatically();
                    assetsByReference[asset.Reference] = asset;
                    assetsByName[asset.Name] = asset;
                    db.Add(asset);
                    notes.Add($"Asset \"{token}\" is not in the inventory: added as {asset.Reference} (review its type, owner and values).");
                }

                if (asset is null)
                {
                    Problem("Assets", $"\"{token}\" is not in the asset inventory. Import the assets first, or tick \"add assets that are not in the inventory\".");
                }
                else if (!assetIds.Contains(asset.Id))
                {
                    assetIds.Add(asset.Id);
                }
            }

            Guid? threatId = null;
            if (Cell(row, "Threat") is { Length: > 0 } threatName)
            {
                if (!threats.TryGetValue(threatName, out var threat))
                {
                    threat = new Threat();
                    if (threat.Update(threatName.Length > 200 ? threatName[..200] : threatName, "Organisational", null, null).Succeeded)
                    {
                        threats[threatName] = threat;
                        db.Add(threat);
                        notes.Add($"New threat \"{threat.Name}\" added to the catalogue.");
                    }
                }

                threatId = threat.Id;
            }

            Guid? vulnerabilityId = null;
            if (Cell(row, "Vulnerability") is { Length: > 0 } vulnerabilityName)
            {
                if (!vulnerabilities.TryGetValue(vulnerabilityName, out var vulnerability))
                {
                    vulnerability = new Vulnerability();
                    if (vulnerability.Update(vulnerabilityName.Length > 200 ? vulnerabilityName[..200] : vulnerabilityName, "Organisation", null).Succeeded)
                    {
                        vulnerabilities[vulnerabilityName] = vulnerability;
                        db.Add(vulnerability);
                        notes.Add($"New vulnerability \"{vulnerability.Name}\" added to the catalogue.");
                    }
                }

                vulnerabilityId = vulnerability.Id;
            }

            // Planned controls: "A.5.17", "A 5.17 A 8.5", "5.17; 8.5".
            var controlIds = new List<Guid>();
            foreach (Match m in OldControlCode().Matches(Cell(row, "PlannedControls")))
            {
                var old = $"{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)}.{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)}.{int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)}";
                var targets = Annex2013.Of(old);
                Problem("PlannedControls", targets.Count == 0
                    ? $"\"{m.Value.Trim()}\" is not an ISO/IEC 27001:2022 Annex A control."
                    : $"A.{old} is an ISO/IEC 27001:2013 control number; in 2022 it is {string.Join(" or ", targets.Select(t => $"{t.New} {t.NewTitle}"))}. Write the 2022 number.");
            }

            foreach (Match m in ControlCode().Matches(Cell(row, "PlannedControls")))
            {
                var code = $"A.{m.Groups[1].Value}.{m.Groups[2].Value}";
                if (controls.TryGetValue(code, out var controlId))
                {
                    if (!controlIds.Contains(controlId))
                    {
                        controlIds.Add(controlId);
                    }
                }
                else
                {
                    Problem("PlannedControls", $"{code} is not an ISO/IEC 27001:2022 Annex A control.");
                }
            }

            DateOnly? nextReview = null;
            if (Cell(row, "NextReview") is { Length: > 0 } reviewText)
            {
                nextReview = values.Date("NextReview", reviewText, out var dateProblem);
                if (dateProblem is not null)
                {
                    Problem("NextReview", dateProblem);
                }
            }

            // Ratings, on the approved methodology's scales.
            RiskAssessment.Rating? inherent = null, residual = null;
            int? Rating(string key, int max, string scale)
            {
                var text = Cell(row, key);
                if (text.Length == 0)
                {
                    return null;
                }

                if (values.Read(key, text) is { } value && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
                {
                    return n;
                }

                Problem(key, ImportText.TryInt(text, out _) ? $"\"{text}\" is outside the {scale} scale (1 to {max})." : values.Unknown(key, text));
                return null;
            }

            var ratingGiven = Cell(row, "InherentLikelihood").Length > 0 || Cell(row, "InherentImpact").Length > 0;
            if (ratingGiven && definition is null)
            {
                Problem("InherentLikelihood", "No risk methodology is approved yet, so ratings cannot be read. Approve one under Risk methodology first.");
            }
            else if (ratingGiven && definition is not null)
            {
                var areas = definition.RatedAreas.Count;
                var il = Rating("InherentLikelihood", definition.Likelihood.Count, "likelihood");
                var ii = Rating("InherentImpact", definition.Impact.Count, "impact");
                var rl = Rating("ResidualLikelihood", definition.Likelihood.Count, "likelihood");
                var ri = Rating("ResidualImpact", definition.Impact.Count, "impact");
                if (il is null || ii is null)
                {
                    if (problems.Count == before)
                    {
                        Problem(il is null ? "InherentLikelihood" : "InherentImpact", "Give both the likelihood and the impact, or neither.");
                    }
                }
                else
                {
                    inherent = new(il.Value, Enumerable.Repeat(ii.Value, areas).ToList());
                    residual = new(rl ?? il.Value, Enumerable.Repeat(ri ?? ii.Value, areas).ToList());
                    if (areas > 1)
                    {
                        notes.Add($"The impact in the file is applied to each of the {areas} impact areas of methodology version {methodology!.Number}.");
                    }

                    if (rl is null && ri is null)
                    {
                        notes.Add("Rows without a residual rating get their inherent rating as residual.");
                    }
                }
            }

            var treatmentText = Cell(row, "Treatment");
            var treatmentValue = treatmentText.Length == 0 ? null : values.Read("Treatment", treatmentText);
            TreatmentOption? treatment = treatmentValue is null or ImportVocabulary.Empty ? null : Enum.Parse<TreatmentOption>(treatmentValue);
            if (treatmentText.Length > 0 && treatmentValue is null)
            {
                Problem("Treatment", values.Unknown("Treatment", treatmentText));
            }

            var rationale = Text.OrNull(Cell(row, "TreatmentRationale")) ?? Text.OrNull(mapping.DefaultRationale);
            if (treatment is not null && rationale is null)
            {
                Problem("TreatmentRationale", "A treatment needs a rationale. Map a rationale column, or give one for the whole file.");
            }

            if (treatment is not null && inherent is null)
            {
                Problem("Treatment", "A treatment needs a rating first: give the likelihood and impact.");
            }

            var statusText = Cell(row, "Status");
            var status = statusText.Length == 0 ? null : values.Read("Status", statusText);
            if (statusText.Length > 0 && status is null)
            {
                Problem("Status", values.Unknown("Status", statusText));
            }

            if (problems.Count > before)
            {
                continue;
            }

            Risk risk;
            if (existing.TryGetValue(reference, out var found))
            {
                if (!mapping.UpdateExisting)
                {
                    Problem("Reference", $"{reference} is already in the register. Tick \"update existing risks\" to overwrite it from the file.");
                    continue;
                }

                risk = found;
                updated++;
            }
            else
            {
                risk = new Risk();
                created++;
            }

            // The same command and rules as the form and the API; the lookups above were made once for the whole file.
            var result = risk.Update(new SaveRisk.Command
            {
                Title = Cell(row, "Title"), Description = Text.OrNull(Cell(row, "Description")), ThreatId = threatId, VulnerabilityId = vulnerabilityId,
                OwnerId = ownerId ?? "", ExistingControls = Text.OrNull(Cell(row, "ExistingControls")), NextReview = nextReview ?? risk.NextReview,
            }, reference);
            foreach (var error in result.Errors)
            {
                problems.Add(new(row.Number, Fields.FirstOrDefault(f => f.Key == error.Field)?.Label ?? error.Field, error.Message));
            }

            if (!result.Succeeded)
            {
                continue;
            }

            if (found is null)
            {
                if (numbered)
                {
                    risk.NumberAutomatically();
                }

                db.Add(risk);
            }

            foreach (var assetId in assetIds.Where(a => !existingLinks.Contains((risk.Id, a))))
            {
                db.Add(new RiskAsset { RiskId = risk.Id, AssetId = assetId });
            }

            foreach (var controlId in controlIds.Where(c => !existingControls.Contains((risk.Id, c))))
            {
                db.Add(new RiskControl { RiskId = risk.Id, RequirementId = controlId });
            }

            // A rating that is the risk's current one under the same methodology is no new assessment: re-importing an
            // export changes nothing, and an owner's acceptance of that rating stands.
            var unchanged = found is not null && inherent is not null && methodology is not null && found.MethodologyId == methodology.Id
                && found.InherentLikelihood == inherent.Likelihood && found.InherentImpact == inherent.Impacts.Max()
                && found.ResidualLikelihood == residual!.Likelihood && found.ResidualImpact == residual.Impacts.Max();
            if (unchanged)
            {
                notes.Add("Rows whose rating is the risk's current one add no new assessment.");
                if (nextReview is not null)
                {
                    risk.Reschedule(nextReview.Value);
                }
            }
            else if (inherent is not null && methodology is not null)
            {
                var assessment = RiskAssessment.Create(risk.Id, methodology, inherent, residual!, $"Imported from {upload.FileName}, row {row.Number}.", userId, db.CurrentUser.DisplayName, now);
                if (assessment.Succeeded)
                {
                    db.Add(assessment.Value!);
                    risk.Apply(assessment.Value!, definition!.ReviewIntervalMonths, zone);
                    if (nextReview is not null)
                    {
                        risk.Reschedule(nextReview.Value);
                    }
                }
            }

            if (treatment is not null && (treatment != risk.Treatment || rationale != risk.TreatmentRationale))
            {
                risk.Decide(treatment.Value, rationale);
            }

            if (status == Imports.Vocabularies.Closed && risk.Status != RiskStatus.Closed)
            {
                risk.Close(true);
            }
            else if (status is not null && ImportVocabulary.Fold(statusText).StartsWith("accept", StringComparison.Ordinal) && risk.Status != RiskStatus.Accepted)
            {
                notes.Add("\"Accepted\" statuses are not carried over: acceptance is the risk owner's own recorded sign-off in OpenIsms.");
            }
        }

        return await ImportText.Finish(db, uploads, id, commit, table.Rows.Count, created, updated, problems, notes, ct);
    }

    [GeneratedRegex(@"\s*(?:[,;+\n]|\band\b)\s*")]
    private static partial Regex AssetSeparators();

    [GeneratedRegex(@"\(([^)]+)\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"(?:A\.?\s*)?(?<![\d.])0?([5-8])\.0?(\d{1,2})\b(?!\.\d)")]
    private static partial Regex ControlCode();

    [GeneratedRegex(@"(?:A\.?\s*)?(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{1,2})\b")]
    private static partial Regex OldControlCode();
}
