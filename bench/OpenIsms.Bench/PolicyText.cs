using System.Text;

namespace OpenIsms.Bench;

/// <summary>
/// Deterministic policy text in Markdown for the document benchmark: numbered sections with headings, paragraphs of
/// plausible ISMS prose, bullet and numbered lists, and a table in every few sections. Roughly the given number of words.
/// </summary>
internal static class PolicyText
{
    private static readonly string[] Topics =
    [
        "Access control", "Acceptable use", "Asset management", "Backup and restore", "Business continuity", "Change management", "Cryptography",
        "Data classification", "Incident management", "Logging and monitoring", "Mobile devices", "Network security", "Password management",
        "Physical security", "Remote working", "Secure development", "Supplier relationships", "Vulnerability management", "Awareness and training",
        "Information transfer", "Cloud services", "Data retention", "Privacy and personal data", "Clear desk and clear screen",
    ];

    private static readonly string[] Subjects =
    [
        "Every employee", "The information security officer", "Each asset owner", "The IT operations team", "Line managers", "Contractors with access to company systems",
        "The service desk", "System administrators", "The data protection officer", "Suppliers that process customer data", "Project managers", "The internal auditor",
    ];

    private static readonly string[] Verbs =
    [
        "must ensure that", "shall confirm that", "is responsible for making sure that", "reviews at least once a year whether", "records in the ISMS whether",
        "reports to the information security officer when", "checks before go-live that", "keeps evidence that",
    ];

    private static readonly string[] Objects =
    [
        "access rights are granted on the principle of least privilege", "confidential information is encrypted in transit and at rest",
        "backups are tested by restoring a sample every quarter", "security events are logged centrally and kept for twelve months",
        "laptops are encrypted and locked after five minutes without use", "suppliers sign the data processing agreement before work starts",
        "changes to production systems are approved, tested and can be rolled back", "vulnerabilities rated critical are patched within fourteen days",
        "accounts of leavers are disabled on their last working day", "personal data is processed only for the purposes stated in the privacy notice",
        "incidents are reported within one hour of being noticed", "privileged accounts use phishing-resistant multi-factor authentication",
        "documents are classified and labelled according to the classification scheme", "visitors are signed in and accompanied in secure areas",
    ];

    private static readonly string[] Clauses =
    [
        "This supports the objectives set out in the information security policy and the risk treatment plan.",
        "Exceptions are approved in writing by the information security officer and reviewed every six months.",
        "Where this cannot be done, the risk is recorded in the risk register with a named owner and a treatment decision.",
        "Evidence of compliance is kept for at least three years and made available to internal and external auditors.",
        "Breaches of this rule are handled through the disciplinary procedure and may be reported to the relevant authority.",
        "The requirement applies equally to systems hosted on premises and to cloud services used by the organisation.",
    ];

    public static string Topic(int n) => Topics[n % Topics.Length];

    /// <summary>Markdown of about <paramref name="words"/> words (no top-level heading: the title is the document's).</summary>
    public static string Markdown(int seed, int words, string title)
    {
        var random = new Random(seed);
        var text = new StringBuilder(words * 8);
        var count = 0;
        var section = 0;
        text.Append("## Purpose and scope\n\n");
        count += Paragraph(text, random, 3, $"This document sets out the organisation's rules on {title.ToLowerInvariant()}.");
        while (count < words)
        {
            section++;
            text.Append("## ").Append(section).Append(". ").Append(Topics[(seed + section) % Topics.Length]).Append("\n\n");
            count += Paragraph(text, random, 4 + random.Next(3), null);
            text.Append("### ").Append(section).Append(".1 Requirements\n\n");
            for (var i = 0; i < 4 + random.Next(3); i++)
            {
                text.Append("- ").Append(Sentence(random)).Append('\n');
                count += 16;
            }

            text.Append('\n');
            count += Paragraph(text, random, 3 + random.Next(3), null);
            text.Append("### ").Append(section).Append(".2 Procedure\n\n");
            for (var i = 1; i <= 3 + random.Next(3); i++)
            {
                text.Append(i).Append(". ").Append(Sentence(random)).Append('\n');
                count += 16;
            }

            text.Append('\n');
            if (section % 3 == 1)
            {
                text.Append("| Role | Responsibility | Frequency | Evidence |\n|---|---|---|---|\n");
                for (var r = 0; r < 5; r++)
                {
                    text.Append("| ").Append(Subjects[random.Next(Subjects.Length)]).Append(" | ").Append(Objects[random.Next(Objects.Length)])
                        .Append(" | ").Append(random.Next(3) switch { 0 => "Monthly", 1 => "Quarterly", _ => "Annually" }).Append(" | ")
                        .Append(random.Next(2) == 0 ? "Ticket in the service desk" : "Signed review record").Append(" |\n");
                    count += 20;
                }

                text.Append('\n');
            }

            count += Paragraph(text, random, 2 + random.Next(3), null);
        }

        return text.ToString();
    }

    private static int Paragraph(StringBuilder text, Random random, int sentences, string? first)
    {
        var words = 0;
        if (first is not null)
        {
            text.Append(first).Append(' ');
            words += first.Split(' ').Length;
        }

        for (var s = 0; s < sentences; s++)
        {
            var sentence = Sentence(random);
            text.Append(sentence).Append(' ');
            words += sentence.Split(' ').Length;
            if (random.Next(3) == 0)
            {
                var clause = Clauses[random.Next(Clauses.Length)];
                text.Append(clause).Append(' ');
                words += clause.Split(' ').Length;
            }
        }

        text.Length--;
        text.Append("\n\n");
        return words;
    }

    private static string Sentence(Random random) =>
        $"{Subjects[random.Next(Subjects.Length)]} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}.";
}
