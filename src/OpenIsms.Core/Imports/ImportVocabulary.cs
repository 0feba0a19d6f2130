using System.Globalization;
using System.Text;

namespace OpenIsms.Core.Imports;

/// <summary>One value a column with a fixed vocabulary may take: what is stored, and what a person reads.</summary>
public sealed record ImportChoice(string Value, string Label);

/// <summary>
/// The values a column may hold (statuses, yes/no, owners…) and the words that certainly mean each, in any of the
/// languages registers come in. A word that is not among them is never guessed: the import asks what it means.
/// </summary>
public sealed class ImportVocabulary
{
    /// <summary>The choice "leave the field empty", for optional fields whose file value means nothing to keep.</summary>
    public const string Empty = "(empty)";

    private readonly Dictionary<string, string> words = new(StringComparer.Ordinal);
    private readonly Func<string, string?>? lookup;

    public ImportVocabulary(string noun, IReadOnlyList<ImportChoice> choices, IEnumerable<(string Value, string[] Words)> words, Func<string, string?>? lookup = null)
    {
        Noun = noun;
        Choices = choices;
        this.lookup = lookup;
        foreach (var choice in choices)
        {
            this.words.TryAdd(Fold(choice.Value), choice.Value);
            this.words.TryAdd(Fold(choice.Label), choice.Value);
        }

        foreach (var (value, list) in words)
        {
            foreach (var word in list)
            {
                this.words.TryAdd(Fold(word), value);
            }
        }
    }

    /// <summary>What one value is called in messages: "implementation status", "owner".</summary>
    public string Noun { get; }

    public IReadOnlyList<ImportChoice> Choices { get; }

    /// <summary>The value the text certainly means, or null when it is not a known word.</summary>
    public string? Known(string text)
    {
        var folded = Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        if (lookup?.Invoke(text.Trim()) is { } found)
        {
            return found;
        }

        return words.GetValueOrDefault(folded);
    }

    /// <summary>A likely meaning for a word that is not known, for the message only: a known word inside the text, longest first.</summary>
    public ImportChoice? Suggest(string text)
    {
        var folded = Fold(text);
        var best = words.Where(w => w.Key.Length >= 3 && folded.Contains(w.Key, StringComparison.Ordinal)).OrderByDescending(w => w.Key.Length).Select(w => w.Value).FirstOrDefault();
        return best is null ? null : Choices.FirstOrDefault(c => c.Value == best);
    }

    public string Label(string value) => value == Empty ? "(leave empty)" : Choices.FirstOrDefault(c => c.Value == value)?.Label ?? value;

    public bool Allows(string value) => value == Empty || Choices.Any(c => c.Value == value);

    /// <summary>Letters and digits only, lower case, accents removed: "Geïmplementeerd", "geimplementeerd" and "GEÏMPLEMENTEERD" meet.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Replace("ß", "ss", StringComparison.Ordinal).Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);
    }

    /// <summary>An enum's values as choices, labelled in words ("NotStarted" → "Not started").</summary>
    public static IReadOnlyList<ImportChoice> ChoicesOf<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => new ImportChoice(v.ToString(), Words(v.ToString()))).ToList();

    private static string Words(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLower(c, CultureInfo.InvariantCulture) : c.ToString()));
}
