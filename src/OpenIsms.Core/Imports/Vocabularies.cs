using OpenIsms.Core.Assets;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Imports;

/// <summary>
/// The words registers use for fixed values, in English, German, French, Spanish, Italian and Dutch. Only words whose
/// meaning is certain are here; anything else is asked about in the import's value step.
/// </summary>
public static class Vocabularies
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>A SoA row that says it is not decided yet: the row leaves the control as it is.</summary>
    public const string Undecided = "undecided";

    private static readonly IReadOnlyList<ImportChoice> YesNoChoices = [new(Yes, "Yes"), new(No, "No")];

    private static readonly string[] YesWords =
    [
        "yes", "y", "true", "1", "x", "✓", "✔", // English and marks
        "ja", "wahr", // German, Dutch
        "oui", "vrai", // French
        "si", "sí", "verdadero", // Spanish, Italian
        "vero",
    ];

    private static readonly string[] NoWords = ["no", "n", "false", "0", "nein", "falsch", "non", "faux", "falso", "nee"];

    /// <summary>Whether a control applies: yes/no, and the SoA's own words in six languages.</summary>
    public static readonly ImportVocabulary Applicable = new("applicability", [.. YesNoChoices, new(Undecided, "Not decided (leave the control as it is)")],
    [
        (Yes, [.. YesWords, "applicable", "included", "in scope", "anwendbar", "zutreffend", "relevant", "aplicable", "applicabile", "van toepassing", "toepasselijk"]),
        (No, [.. NoWords, "not applicable", "n/a", "na", "excluded", "out of scope", "nicht anwendbar", "nicht zutreffend", "entfällt", "non applicable", "no aplicable",
            "non applicabile", "niet van toepassing", "nvt", "n.v.t.", "ausgeschlossen", "exclu", "excluido", "escluso", "uitgesloten"]),
        (Undecided, ["not decided", "undecided", "tbd", "to be decided", "nicht entschieden", "offen", "non décidé", "à décider", "no decidido", "pendiente", "da decidere", "niet besloten"]),
    ]);

    /// <summary>The reasons a control is included, as the SoA export words them.</summary>
    public static readonly ImportVocabulary InclusionReasons = new("reason for inclusion", ImportVocabulary.ChoicesOf<Soa.InclusionReason>(),
    [
        (nameof(Soa.InclusionReason.LegalOrRegulatory), ["legal", "regulatory", "law", "legal requirement", "regulation", "gesetzlich", "rechtlich", "légal", "réglementaire", "legal", "normativo", "wettelijk"]),
        (nameof(Soa.InclusionReason.Contractual), ["contract", "contractual", "customer requirement", "vertraglich", "contractuel", "contractual", "contrattuale", "contractueel"]),
        (nameof(Soa.InclusionReason.BusinessNeed), ["business", "business requirement", "geschäftlich", "besoin métier", "negocio", "esigenza aziendale", "bedrijfsbehoefte"]),
        (nameof(Soa.InclusionReason.BestPractice), ["best practice", "good practice", "bewährte praxis", "bonne pratique", "buena práctica", "buona pratica", "beste praktijk"]),
        (ImportVocabulary.Empty, ["risk treatment", "risk assessment", "risikobehandlung", "traitement des risques", "tratamiento de riesgos", "trattamento del rischio", "risicobehandeling"]),
    ]);

    /// <summary>Whether an asset is in the ISMS's scope.</summary>
    public static readonly ImportVocabulary InScope = new("in-scope answer", YesNoChoices,
    [
        (Yes, [.. YesWords, "in scope", "in", "im scope", "im geltungsbereich", "dans le périmètre", "en alcance", "nel perimetro", "binnen scope"]),
        (No, [.. NoWords, "out of scope", "out", "außerhalb", "hors périmètre", "fuera de alcance", "fuori perimetro", "buiten scope"]),
    ]);

    /// <summary>How far a control is implemented.</summary>
    public static readonly ImportVocabulary ControlStatus = new("implementation status", ImportVocabulary.ChoicesOf<ControlStatus>(),
    [
        (nameof(Controls.ControlStatus.Implemented), ["implemented", "fully implemented", "complete", "completed", "done", "in place",
            "umgesetzt", "implementiert", "vollständig umgesetzt", "erledigt", "mis en œuvre", "mis en oeuvre", "implémenté", "en place", "réalisé",
            "implementado", "completado", "implementato", "attuato", "completato", "geïmplementeerd", "geimplementeerd", "ingevoerd", "gereed"]),
        (nameof(Controls.ControlStatus.Operating), ["operating", "operational", "effective", "in operation", "wirksam", "in betrieb", "opérationnel", "efficace",
            "operativo", "eficaz", "efficace", "operationeel", "effectief", "werkzaam"]),
        (nameof(Controls.ControlStatus.Planned), ["planned", "partial", "partially implemented", "partly implemented", "in progress", "to be implemented", "ongoing",
            "geplant", "teilweise", "teilweise umgesetzt", "in umsetzung", "in arbeit", "prévu", "planifié", "partiel", "partiellement", "partiellement mis en œuvre", "en cours",
            "planificado", "parcial", "parcialmente", "parcialmente implementado", "en curso", "en progreso", "pianificato", "parziale", "parzialmente", "parzialmente implementato", "in corso",
            "gepland", "gedeeltelijk", "deels", "gedeeltelijk geïmplementeerd", "in uitvoering"]),
        (nameof(Controls.ControlStatus.NotStarted), ["not started", "not implemented", "missing", "none", "open", "nicht umgesetzt", "nicht begonnen", "offen", "fehlt",
            "non mis en œuvre", "non implémenté", "non commencé", "no implementado", "no iniciado", "pendiente", "non implementato", "non attuato", "non iniziato",
            "niet geïmplementeerd", "niet gestart", "ontbreekt"]),
        (nameof(Controls.ControlStatus.Ineffective), ["ineffective", "not effective", "unwirksam", "nicht wirksam", "inefficace", "ineficaz", "inefficace", "niet effectief"]),
        // A status that says there is none: the record keeps no override, and its status follows its controls.
        (ImportVocabulary.Empty, ["n/a", "na", "not applicable", "-", "–", "nicht anwendbar", "entfällt", "non applicable", "no aplica", "no aplicable", "non applicabile", "niet van toepassing", "nvt"]),
    ]);

    /// <summary>The risk treatment option.</summary>
    public static readonly ImportVocabulary Treatment = new("treatment", ImportVocabulary.ChoicesOf<TreatmentOption>(),
    [
        (nameof(TreatmentOption.Mitigate), ["mitigate", "reduce", "modify", "treat", "mitigation", "reduction", "mindern", "reduzieren", "behandeln", "minimieren",
            "réduire", "atténuer", "traiter", "mitigar", "reducir", "tratar", "mitigare", "ridurre", "trattare", "verminderen", "mitigeren", "beperken", "behandelen"]),
        (nameof(TreatmentOption.Accept), ["accept", "retain", "tolerate", "acceptance", "akzeptieren", "tragen", "hinnehmen", "accepter", "conserver", "aceptar", "retener",
            "accettare", "accepteren", "aanvaarden"]),
        (nameof(TreatmentOption.Transfer), ["transfer", "share", "insure", "übertragen", "transferieren", "versichern", "teilen", "transférer", "partager", "assurer",
            "transferir", "compartir", "asegurar", "trasferire", "condividere", "assicurare", "overdragen", "delen", "verzekeren"]),
        (nameof(TreatmentOption.Avoid), ["avoid", "terminate", "eliminate", "vermeiden", "beenden", "éviter", "supprimer", "evitar", "eliminar", "evitare", "eliminare", "vermijden", "beëindigen"]),
    ]);

    /// <summary>How critical an asset is to the business.</summary>
    public static readonly ImportVocabulary Criticality = new("criticality", ImportVocabulary.ChoicesOf<Criticality>(),
    [
        (nameof(Assets.Criticality.Low), [.. Low]),
        (nameof(Assets.Criticality.Medium), [.. Medium]),
        (nameof(Assets.Criticality.High), [.. High]),
        (nameof(Assets.Criticality.Critical), [.. VeryHigh, "critical", "kritisch", "critique", "crítico", "critico", "kritiek"]),
    ]);

    /// <summary>A confidentiality, integrity or availability value, 1 (low) to 4 (very high).</summary>
    public static ImportVocabulary ProtectionValue(string noun) => new(noun, [new("1", "1 low"), new("2", "2 medium"), new("3", "3 high"), new("4", "4 very high")],
    [
        ("1", [.. Low]), ("2", [.. Medium]), ("3", [.. High]), ("4", [.. VeryHigh, "critical", "kritisch", "critique", "crítico", "critico", "kritiek"]),
    ]);

    /// <summary>The kind of asset.</summary>
    public static readonly ImportVocabulary AssetType = new("asset type", ImportVocabulary.ChoicesOf<AssetType>(),
    [
        (nameof(Assets.AssetType.Information), ["data", "information", "informationen", "daten", "information asset", "données", "informations", "información", "datos",
            "informazione", "informazioni", "dati", "informatie", "gegevens", "document", "documents", "dokument", "documento"]),
        (nameof(Assets.AssetType.Software), ["application", "app", "software", "anwendung", "applikation", "programm", "logiciel", "aplicación", "aplicacion",
            "applicazione", "toepassing", "applicatie"]),
        (nameof(Assets.AssetType.Hardware), ["hardware", "device", "equipment", "server", "laptop", "gerät", "geräte", "matériel", "équipement", "equipo", "dispositivo",
            "apparato", "apparaat", "apparatuur"]),
        (nameof(Assets.AssetType.Service), ["service", "saas", "cloud service", "dienst", "dienstleistung", "servicio", "servizio"]),
        (nameof(Assets.AssetType.People), ["people", "person", "staff", "personnel", "employees", "personal", "mitarbeiter", "mitarbeitende", "personas", "persone",
            "personale", "personeel", "medewerkers"]),
        (nameof(Assets.AssetType.Site), ["site", "facility", "building", "location", "premises", "standort", "gebäude", "räumlichkeiten", "bâtiment", "locaux",
            "sitio", "edificio", "instalación", "sede", "edificio", "locatie", "gebouw", "vestiging"]),
        (nameof(Assets.AssetType.Supplier), ["supplier", "vendor", "third party", "provider", "lieferant", "dienstleister", "fournisseur", "prestataire", "proveedor",
            "fornitore", "leverancier"]),
    ]);

    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>A risk's status in a register: only closing is carried over; the rest follows OpenIsms's own workflow.</summary>
    public static readonly ImportVocabulary RiskStatus = new("risk status", [new(Open, "Open (status follows the assessment and treatment)"), new(Closed, "Closed")],
    [
        (Open, ["open", "new", "identified", "assessed", "active", "in treatment", "in progress", "treated", "accepted", "monitor", "monitoring", "offen", "neu", "aktiv",
            "in bearbeitung", "akzeptiert", "ouvert", "nouveau", "actif", "en cours", "accepté", "abierto", "nuevo", "activo", "aceptado", "aperto", "nuovo", "attivo",
            "accettato", "nieuw", "actief", "geaccepteerd"]),
        (Closed, ["closed", "retired", "resolved", "obsolete", "geschlossen", "erledigt", "fermé", "clos", "résolu", "cerrado", "resuelto", "chiuso", "risolto", "gesloten", "opgelost"]),
    ]);

    /// <summary>How far a treatment action is.</summary>
    public static readonly ImportVocabulary ActionStatus = new("action status", ImportVocabulary.ChoicesOf<Risks.ActionStatus>(),
    [
        (nameof(Risks.ActionStatus.Planned), ["planned", "open", "not started", "new", "to do", "todo", "geplant", "offen", "nicht begonnen", "prévu", "planifié", "ouvert", "à faire",
            "planificado", "abierto", "pendiente", "pianificato", "aperto", "da fare", "gepland", "open", "te doen"]),
        (nameof(Risks.ActionStatus.InProgress), ["in progress", "ongoing", "started", "in work", "in bearbeitung", "in arbeit", "begonnen", "laufend", "en cours", "en progreso",
            "en curso", "in corso", "in uitvoering", "bezig", "lopend"]),
        (nameof(Risks.ActionStatus.Done), ["done", "complete", "completed", "closed", "finished", "implemented", "erledigt", "abgeschlossen", "umgesetzt", "fertig", "terminé", "fait",
            "clos", "réalisé", "completado", "terminado", "hecho", "cerrado", "completato", "chiuso", "fatto", "gereed", "afgerond", "voltooid", "gesloten"]),
        (nameof(Risks.ActionStatus.Cancelled), ["cancelled", "canceled", "dropped", "abandoned", "abgebrochen", "storniert", "verworfen", "annulé", "abandonné", "cancelado",
            "anulado", "annullato", "geannuleerd", "vervallen"]),
    ]);

    /// <summary>What a control does: prevent, detect or correct.</summary>
    public static readonly ImportVocabulary ControlType = new("control type", ImportVocabulary.ChoicesOf<Controls.ControlType>(),
    [
        (nameof(Controls.ControlType.Preventive), ["preventive", "preventative", "prevent", "präventiv", "vorbeugend", "préventif", "préventive", "preventivo", "preventiva", "preventief"]),
        (nameof(Controls.ControlType.Detective), ["detective", "detect", "detektiv", "aufdeckend", "erkennend", "détectif", "détective", "detectivo", "detectiva", "rilevativo", "investigativo", "detectief", "detecterend"]),
        (nameof(Controls.ControlType.Corrective), ["corrective", "correct", "korrektiv", "korrigierend", "correctif", "corrective", "correctivo", "correctiva", "correttivo", "correttiva", "correctief", "corrigerend"]),
    ]);

    /// <summary>How often a control operates.</summary>
    public static readonly ImportVocabulary ControlFrequency = new("frequency", ImportVocabulary.ChoicesOf<Controls.ControlFrequency>(),
    [
        (nameof(Controls.ControlFrequency.Continuous), ["continuous", "continuously", "always", "kontinuierlich", "laufend", "ständig", "continu", "en continu", "continuo", "continua", "permanent", "doorlopend"]),
        (nameof(Controls.ControlFrequency.Daily), ["daily", "every day", "täglich", "quotidien", "quotidienne", "diario", "diaria", "giornaliero", "quotidiano", "dagelijks"]),
        (nameof(Controls.ControlFrequency.Weekly), ["weekly", "every week", "wöchentlich", "hebdomadaire", "semanal", "settimanale", "wekelijks"]),
        (nameof(Controls.ControlFrequency.Monthly), ["monthly", "every month", "monatlich", "mensuel", "mensuelle", "mensual", "mensile", "maandelijks"]),
        (nameof(Controls.ControlFrequency.Quarterly), ["quarterly", "every quarter", "vierteljährlich", "quartalsweise", "quartalsmäßig", "trimestriel", "trimestrielle", "trimestral", "trimestrale", "driemaandelijks", "per kwartaal"]),
        (nameof(Controls.ControlFrequency.HalfYearly), ["half yearly", "half-yearly", "semi-annual", "semiannual", "semi-annually", "twice a year", "halbjährlich", "semestriel", "semestrielle", "semestral", "semestrale", "halfjaarlijks"]),
        (nameof(Controls.ControlFrequency.Yearly), ["yearly", "annual", "annually", "every year", "jährlich", "annuel", "annuelle", "anual", "annuale", "jaarlijks"]),
        (nameof(Controls.ControlFrequency.OnEvent), ["on event", "event-driven", "event driven", "ad hoc", "as needed", "when needed", "on demand", "bei bedarf", "anlassbezogen", "ereignisgesteuert",
            "à la demande", "sur événement", "según necesidad", "bajo demanda", "al bisogno", "su evento", "indien nodig", "op afroep"]),
    ]);

    /// <summary>A methodology scale: its levels by number (1…n) or by label ("Likely", "Major").</summary>
    public static ImportVocabulary Scale(string noun, IReadOnlyList<Risks.ScaleLevel> levels) => new(noun,
        levels.Select((l, i) => new ImportChoice((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i + 1} {l.Label}")).ToList(),
        levels.Select((l, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new[] { l.Label })),
        text => ImportText.TryInt(text, out var n) && n >= 1 && n <= levels.Count ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

    /// <summary>Classification level names in other languages, for matching against the organisation's own scheme.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ClassificationWords = new Dictionary<string, string[]>
    {
        ["public"] = ["öffentlich", "offen", "public", "público", "publico", "pubblico", "openbaar"],
        ["internal"] = ["intern", "interne", "interno", "internal use", "nur für den internen gebrauch", "usage interne", "uso interno"],
        ["confidential"] = ["vertraulich", "confidentiel", "confidencial", "confidenziale", "riservato", "vertrouwelijk"],
        ["restricted"] = ["streng vertraulich", "geheim", "strictement confidentiel", "restreint", "restringido", "estrictamente confidencial", "riservatissimo",
            "strettamente riservato", "strikt vertrouwelijk", "zeer vertrouwelijk"],
    };

    /// <summary>The organisation's classification levels; a level's name in another language is known where the scheme uses the English word.</summary>
    public static ImportVocabulary Classification(IReadOnlyList<string> levels) => new("classification", levels.Select(l => new ImportChoice(l, l)).ToList(),
        levels.Select(l => (l, ClassificationWords.GetValueOrDefault(ImportVocabulary.Fold(l)) ?? [])));

    private static string[] Low => ["low", "l", "minor", "niedrig", "gering", "faible", "bas", "basse", "bajo", "baja", "basso", "bassa", "laag"];

    private static string[] Medium => ["medium", "m", "moderate", "mittel", "moyen", "moyenne", "medio", "media", "moderado", "gemiddeld", "middel", "matig"];

    private static string[] High => ["high", "h", "major", "hoch", "élevé", "élevée", "haut", "alto", "alta", "elevato", "elevata", "hoog"];

    private static string[] VeryHigh => ["very high", "vh", "sehr hoch", "très élevé", "très haut", "muy alto", "molto alto", "zeer hoog"];
}
