using System.Text;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Evidence;

/// <summary>
/// Which files count as evidence, checked by what they contain rather than what they are called: a ".pdf" must start
/// as a PDF does. Executables and anything unknown are refused.
/// </summary>
public static class EvidenceFileTypes
{
    private enum Signature
    {
        Pdf,
        Png,
        Jpeg,
        Gif,
        Webp,
        Zip,
        Ole,
        Text,
        Json,
        Xml,
    }

    private static readonly Dictionary<string, (string ContentType, Signature Signature)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Signature.Pdf),
        [".png"] = ("image/png", Signature.Png),
        [".jpg"] = ("image/jpeg", Signature.Jpeg),
        [".jpeg"] = ("image/jpeg", Signature.Jpeg),
        [".gif"] = ("image/gif", Signature.Gif),
        [".webp"] = ("image/webp", Signature.Webp),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signature.Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signature.Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Signature.Zip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Signature.Zip),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", Signature.Zip),
        [".zip"] = ("application/zip", Signature.Zip),
        [".msg"] = ("application/vnd.ms-outlook", Signature.Ole),
        [".doc"] = ("application/msword", Signature.Ole),
        [".xls"] = ("application/vnd.ms-excel", Signature.Ole),
        [".txt"] = ("text/plain", Signature.Text),
        [".log"] = ("text/plain", Signature.Text),
        [".csv"] = ("text/csv", Signature.Text),
        [".md"] = ("text/markdown", Signature.Text),
        [".eml"] = ("message/rfc822", Signature.Text),
        [".json"] = ("application/json", Signature.Json),
        [".xml"] = ("application/xml", Signature.Xml),
    };

    public static string Accepted => string.Join(", ", Types.Keys.Select(k => k[1..]));

    public static string AcceptAttribute => string.Join(',', Types.Keys);

    /// <summary>A message for a file name a person could be misled by, or that could name a path; null when it is fine.</summary>
    public static string? CheckName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "The file has no name.";
        }

        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.Trim('.', ' ').Length == 0)
        {
            return "The file name must not contain / or \\ or be only dots. Rename the file and upload it again.";
        }

        if (fileName.Any(char.IsControl))
        {
            return "The file name contains control characters. Rename the file and upload it again.";
        }

        // A right-to-left override makes "report_fdp.exe" read as "report_exe.pdf"; invisible characters hide the rest.
        if (fileName.Any(IsDirectionalOrInvisible))
        {
            return "The file name contains invisible or text-direction characters that can disguise its type. Rename the file and upload it again.";
        }

        if (fileName.Length > Limits.Name)
        {
            return $"The file name must be {Limits.Name} characters or fewer.";
        }

        return Types.ContainsKey(Path.GetExtension(fileName)) ? null : $"Files of this type are not accepted as evidence. Accepted: {Accepted}.";
    }

    /// <summary>The content type for a name whose first bytes match it; otherwise the reason the file is refused.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> head)
    {
        if (!Types.TryGetValue(Path.GetExtension(fileName), out var type))
        {
            return (null, $"Files of this type are not accepted as evidence. Accepted: {Accepted}.");
        }

        if (head.Length == 0)
        {
            return (null, "The file is empty.");
        }

        return Matches(type.Signature, head)
            ? (type.ContentType, null)
            : (null, $"The file's content is not a {Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant()} file, although its name says so. Upload the original file.");
    }

    private static bool Matches(Signature signature, ReadOnlySpan<byte> head) => signature switch
    {
        Signature.Pdf => head.StartsWith("%PDF-"u8),
        Signature.Png => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        Signature.Jpeg => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        Signature.Gif => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        Signature.Webp => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        Signature.Zip => head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]),
        Signature.Ole => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        Signature.Text => IsText(head),
        Signature.Json => IsText(head) && FirstCharacter(head) is '{' or '[',
        Signature.Xml => IsText(head) && FirstCharacter(head) is '<',
        _ => false,
    };

    // Text is UTF-8 without NUL bytes; the head may cut a multi-byte character at its end.
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var trimmed = head;
        if (head.Length >= FileEvidenceStore.HeadBytes)
        {
            // Drop the last character, whole or cut: step back over continuation bytes (10xxxxxx) to its first byte.
            var start = head.Length - 1;
            while (start > 0 && (head[start] & 0xC0) == 0x80)
            {
                start--;
            }

            trimmed = head[..start];
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(trimmed);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsDirectionalOrInvisible(char c) =>
        c is '\u061C' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2069') or '\uFEFF';

    private static char FirstCharacter(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head).TrimStart();
        return text.Length > 0 ? text[0] : '\0';
    }
}
