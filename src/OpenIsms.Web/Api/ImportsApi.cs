using Microsoft.AspNetCore.Authorization;
using OpenIsms.Core.Common;
using OpenIsms.Core.Imports;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>
/// /api/v1/imports/{kind}: the import wizard for scripts. The same reading, mapping, value step and rules: a dry run by
/// default that says how the file was read, which column feeds which field, what each value was taken to mean and every
/// problem by row; with dryRun=false and no problem, the rows are written, all or none.
/// </summary>
public sealed class ImportsApi : IEndpointGroup
{
    /// <summary>What the script says beyond the file: columns by header name, values by field, day-month orders, choices.</summary>
    public sealed record MappingBody
    {
        public Dictionary<string, string>? Columns { get; init; }

        public Dictionary<string, Dictionary<string, string>>? Values { get; init; }

        public Dictionary<string, bool>? DayFirst { get; init; }

        public bool UpdateExisting { get; init; }

        public bool CreateMissingAssets { get; init; }

        public bool Translate2013 { get; init; }

        public string? DefaultRationale { get; init; }

        public string? InclusionReason { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup(ApiUrls.Imports).WithTags("Imports").DisableAntiforgery();
        // One address per register, each behind the permission its importer needs.
        (string Kind, string Permission, string Name)[] kinds =
        [
            (ImportAssets.Kind, Core.Assets.AssetPermissions.Edit, "ImportAssets"), (ImportRisks.Kind, Core.Risks.RiskPermissions.Edit, "ImportRisks"),
            (ImportSoa.Kind, Core.Controls.ControlPermissions.Edit, "ImportSoa"), (ImportTreatmentPlan.Kind, Core.Risks.RiskPermissions.Edit, "ImportTreatmentPlan"),
            (ImportControls.Kind, Core.Controls.ControlPermissions.Edit, "ImportControls"), (ImportPeople.Kind, Core.People.PeoplePermissions.Edit, "ImportPeople"),
        ];
        foreach (var (kind, permission, name) in kinds)
        {
            imports.MapPost("/" + kind, (HttpRequest request, FindImporter find, ImportUploads uploads, ListImportProfiles profiles, SaveImportProfile saveProfile,
                    ICurrentUser user, bool? dryRun, string? profile, string? sheet, int? headerRow, string? saveAs, CancellationToken ct) =>
                    Import(kind, request, find, uploads, profiles, saveProfile, user, dryRun, profile, sheet, headerRow, saveAs, ct))
                .RequireAuthorization(new HasPermissionAttribute(permission) { AuthenticationSchemes = ApiTokenHandler.SchemeName }).WithName(name)
                .WithSummary($"Imports a {kind} register from CSV or XLSX as multipart/form-data: \"file\", and optionally \"mapping\" (JSON: columns by header, values by field, dayFirst, updateExisting, translate2013…). "
                    + "dryRun (default true) checks every row and writes nothing; dryRun=false writes all rows or none (422 with the problems otherwise). profile= starts from a saved import profile; saveAs= saves the mapping as one after a successful import.");
        }

        imports.MapPost("/methodology", Methodology)
            .RequireAuthorization(new HasPermissionAttribute(Core.Risks.RiskPermissions.Approve) { AuthenticationSchemes = ApiTokenHandler.SchemeName }).WithName("ImportMethodology")
            .WithSummary("Imports a risk methodology from its YAML or JSON file (as downloaded from a methodology version) as multipart/form-data \"file\". "
                + "dryRun (default true) returns what the file holds, or every problem; dryRun=false puts it into the draft version (started if there is none), to be approved on the methodology page.");
    }

    /// <summary>The risk methodology from our own YAML or JSON file: a dry run says what it holds or what is wrong; dryRun=false puts it into the draft.</summary>
    private static async Task<IResult> Methodology(HttpRequest request, Core.Risks.ImportMethodology import, ICurrentUser user, bool? dryRun, CancellationToken ct)
    {
        if (!user.Has(Core.Risks.RiskPermissions.Approve))
        {
            return ApiProblems.From(Result.Forbidden());
        }

        if (!request.HasFormContentType || (await request.ReadFormAsync(ct)) is not { } form || form.Files.GetFile("file") is not { } file)
        {
            return ApiProblems.From(Result.Invalid(new FieldError("File", "Send the methodology as multipart/form-data with the part named \"file\" (YAML or JSON).")));
        }

        if (file.Length > Core.Risks.MethodologyFile.MaxBytes)
        {
            return ApiProblems.From(Result.Invalid(new FieldError("File", $"The file is larger than {Core.Risks.MethodologyFile.MaxBytes / 1024} KB.")));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var reading = Core.Risks.MethodologyFile.Read(buffer.ToArray());
        if (dryRun ?? true)
        {
            return Results.Ok(new { reading.Name, Valid = reading.Definition is not null, reading.Problems, reading.Definition });
        }

        var imported = await import.Handle(buffer.ToArray(), file.FileName, ct);
        return imported.Succeeded ? Results.Ok(new { reading.Name, Draft = imported.Value }) : ApiProblems.From(imported);
    }

    private static async Task<IResult> Import(string kind, HttpRequest request, FindImporter find, ImportUploads uploads, ListImportProfiles profiles, SaveImportProfile saveProfile,
        ICurrentUser user, bool? dryRun, string? profile, string? sheet, int? headerRow, string? saveAs, CancellationToken ct)
    {
        if (find.Handle(kind) is not { } importer)
        {
            return Results.Problem(statusCode: 404, title: "No such import", detail: $"Imports are {string.Join(", ", FindImporter.Kinds)}.");
        }

        if (!user.Has(importer.Permission))
        {
            return ApiProblems.From(Result.Forbidden());
        }

        if (!request.HasFormContentType || (await request.ReadFormAsync(ct)) is not { } form || form.Files.GetFile("file") is not { } file)
        {
            return ApiProblems.From(Result.Invalid(new FieldError("File", "Send the register as multipart/form-data with the part named \"file\" (and, optionally, a \"mapping\" part in JSON).")));
        }

        MappingBody body;
        try
        {
            body = form["mapping"] is { Count: > 0 } json && json.ToString().Length > 0
                ? System.Text.Json.JsonSerializer.Deserialize<MappingBody>(json.ToString(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) ?? new()
                : new();
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.Problem(statusCode: 400, title: "The mapping part is not valid JSON", detail: ex.Message);
        }

        if (file.Length > TableFile.MaxBytes)
        {
            return ApiProblems.From(Result.Invalid(new FieldError("File", $"The file is larger than {TableFile.MaxBytes / 1024 / 1024} MB.")));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var stored = await uploads.Handle(importer.Kind, file.FileName, buffer.ToArray(), ct);
        if (!stored.Succeeded)
        {
            return ApiProblems.From(stored);
        }

        var id = stored.Value;
        try
        {
            var layout = new TableLayout(sheet, headerRow);
            var (_, table, unreadable) = await uploads.Load(id, importer.Kind, layout, ct);
            if (table is null || unreadable is not null)
            {
                return ApiProblems.From(Result.Invalid(new FieldError("File", unreadable ?? "The file cannot be read.")));
            }

            ImportProfile? chosen = null;
            if (profile is { Length: > 0 })
            {
                chosen = (await profiles.Handle(importer.Kind, ct)).FirstOrDefault(p => p.Name == profile);
                if (chosen is null)
                {
                    return Results.Problem(statusCode: 404, title: "No such import profile", detail: $"There is no {importer.Kind} import profile named \"{profile}\".");
                }
            }

            var mapping = ImportText.Prepare(table, importer, chosen, layout);
            var columns = new Dictionary<string, int>(mapping.Columns);
            foreach (var (field, header) in body.Columns ?? [])
            {
                if (importer.Fields.All(f => f.Key != field))
                {
                    return ApiProblems.From(Result.Invalid(new FieldError("Columns", $"\"{field}\" is not a field of the {importer.Kind} import ({string.Join(", ", importer.Fields.Select(f => f.Key))}).")));
                }

                var index = table.Header.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
                if (index < 0 && header.Length > 0)
                {
                    return ApiProblems.From(Result.Invalid(new FieldError("Columns", $"The file has no column \"{header}\" for {field}. Its columns are: {string.Join(", ", table.Header)}.")));
                }

                if (index < 0)
                {
                    columns.Remove(field);
                }
                else
                {
                    columns[field] = index;
                }
            }

            var values = mapping.Values.ToDictionary(v => v.Key, v => v.Value.ToDictionary(x => x.Key, x => x.Value, StringComparer.OrdinalIgnoreCase));
            foreach (var (field, given) in body.Values ?? [])
            {
                var list = values.TryGetValue(field, out var known) ? known : values[field] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (text, value) in given)
                {
                    list[text] = value;
                }
            }

            var dayFirst = mapping.DayFirst.ToDictionary();
            foreach (var (field, first) in body.DayFirst ?? [])
            {
                dayFirst[field] = first;
            }

            mapping = mapping with
            {
                Columns = columns,
                Values = values.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, string>)v.Value),
                DayFirst = dayFirst,
                UpdateExisting = body.UpdateExisting,
                CreateMissingAssets = body.CreateMissingAssets,
                Translate2013 = body.Translate2013,
                DefaultRationale = body.DefaultRationale,
                InclusionReason = body.InclusionReason,
            };
            var vocabularies = await importer.Vocabularies(ct);
            var report = await importer.Run(id, mapping, commit: dryRun == false, ct);
            if (report.Committed && saveAs is { Length: > 0 })
            {
                await saveProfile.Handle(importer.Kind, saveAs, table.Header, mapping, ct);
            }

            var result = new
            {
                file = file.FileName,
                readAs = table.ReadAs,
                sheets = table.Sheets,
                sheet = table.Sheet,
                headerRow = table.HeaderRow,
                layoutNotes = table.Notes,
                header = table.Header,
                profile = chosen?.Name,
                columns = importer.Fields.Where(f => columns.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => table.Header[columns[f.Key]]),
                values = ImportValues.Distinct(table, mapping, vocabularies, importer.Fields).Select(v => new { v.Field, text = v.Text, v.Rows, value = v.Mapped, chosen = v.Chosen, suggestion = v.Suggestion?.Value }),
                dates = new ImportValues(table, importer.Fields, mapping, vocabularies).DateColumns.Select(d => new { d.Field, detected = d.Detected.ToString(), d.DayFirst }),
                report = new
                {
                    report.Rows,
                    report.Created,
                    report.Updated,
                    report.Committed,
                    problems = report.Problems.Select(p => new { p.Row, p.Field, p.Message }),
                    report.Notes,
                },
            };
            return dryRun == false && !report.Committed ? Results.UnprocessableEntity(result) : Results.Ok(result);
        }
        finally
        {
            // The API is one call: an upload it did not import is not kept for a later step.
            await uploads.Forget(id, CancellationToken.None);
        }
    }
}
