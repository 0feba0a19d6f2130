using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenIsms.Core.Evidence;

/// <summary>
/// Looks at a whole uploaded file, past its first bytes, for what would make it dangerous to open: markup or script in
/// text types (HTML named .txt, script named .json, SVG or XHTML named .xml), data or HTML after an image's or a PDF's
/// end (polyglots), JavaScript in a PDF, and archives that are bombs or carry programs (entry count, total and
/// per-entry uncompressed size and ratio, executable and macro entries, the parts an Office or OpenDocument file must
/// have). Streams the file, so memory stays flat whatever its size. Returns the reason to refuse, in words for the
/// person uploading, or null.
/// </summary>
public static partial class EvidenceFileInspection
{
    public const int MaxEntries = 10_000;
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;
    public const int MaxRatio = 200;

    private static readonly string[] Markup =
        ["<script", "<html", "<body", "<iframe", "<svg", "<object", "<embed", "<frameset", "<meta http-equiv", "javascript:", "vbscript:"];

    private static readonly HashSet<string> ExecutableExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".scr", ".msi", ".msp", ".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh",
        ".hta", ".jar", ".class", ".sh", ".bash", ".app", ".dmg", ".pkg", ".deb", ".rpm", ".apk", ".lnk", ".reg", ".cpl", ".sys", ".elf", ".so", ".dylib",
    };

    /// <param name="content">The whole file, readable and seekable (the store's temporary file).</param>
    public static string? Inspect(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var kind = extension.TrimStart('.').ToUpperInvariant();
        try
        {
            return extension switch
            {
                ".txt" or ".log" or ".csv" or ".md" => Text(content) ?? Found(content, "The text contains web page markup or script ({0}). Upload it as a PDF or a screenshot instead."),
                ".eml" => Text(content) ?? Email(content),
                ".json" => Text(content) ?? Json(content),
                ".xml" => Text(content) ?? Xml(content),
                ".pdf" => Pdf(content),
                ".png" => Png(content),
                ".jpg" or ".jpeg" => Jpeg(content),
                ".gif" => Gif(content),
                ".webp" => Webp(content),
                ".docx" or ".xlsx" or ".pptx" or ".odt" or ".ods" or ".zip" => Archive(extension, content),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or DecoderFallbackException or IOException or JsonException or ArgumentException)
        {
            return $"The file is damaged or not a real {kind} file. Upload the original file.";
        }
    }

    /// <summary>The whole file is UTF-8 text without NUL bytes (a cut or binary file is not text).</summary>
    private static string? Text(Stream content)
    {
        content.Position = 0;
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, read).IndexOf((byte)0) >= 0)
            {
                return "The file is not text: it holds binary data. Upload the original file.";
            }

            decoder.GetCharCount(buffer, 0, read, flush: false);
        }

        decoder.GetCharCount([], 0, 0, flush: true);
        return null;
    }

    /// <summary>An e-mail starts with its header fields; its HTML parts are a message's, served only as a download.</summary>
    private static string? Email(Stream content)
    {
        var head = Head(content, 8192).Replace("\r\n", "\n", StringComparison.Ordinal);
        var fields = head.Split("\n\n")[0].Split('\n');
        var looksLikeMail = fields.Length > 0 && HeaderField().IsMatch(fields[0]) && fields.Any(l => MailHeader().IsMatch(l));
        return looksLikeMail ? null : "The file does not start like an e-mail (From:, Date:, Subject: …). Save the message from your mail program as .eml and upload that.";
    }

    private static string? Json(Stream content)
    {
        content.Position = 0;
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return "The file is not valid JSON (it may be a script). Upload the original export.";
        }

        return Found(content, "The JSON contains web page markup or script ({0}).");
    }

    private static string? Xml(Stream content)
    {
        var found = Scan(content, ["<!doctype html", "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg", "<?xml-stylesheet", "<!entity", .. Markup], handlers: true);
        return found switch
        {
            null => null,
            "<!entity" => "The XML declares entities, which can make it expand without end when opened. Upload it without the DOCTYPE.",
            "<!doctype html" or "http://www.w3.org/1999/xhtml" or "http://www.w3.org/2000/svg" or "<?xml-stylesheet" =>
                "The XML is a web page or an image with script (XHTML, SVG or a style sheet). Upload the data itself, or a PDF.",
            _ => $"The XML contains web page markup or script ({found}).",
        };
    }

    private static string? Pdf(Stream content)
    {
        var tail = Tail(content, 2048);
        var end = tail.LastIndexOf("%%EOF", StringComparison.Ordinal);
        if (end < 0 || tail[(end + 5)..].Trim('\r', '\n', ' ', '\t', '\0').Length > 0)
        {
            return "The PDF does not end where a PDF ends: something is appended to it. Upload the original file.";
        }

        // Only the PDF's own syntax is read, not its streams: compressed image or page data matches any short marker
        // by chance in a large file. (Script hidden inside a compressed object stream is not found this way.)
        var found = PdfOutsideStreams(content);
        return found switch
        {
            null => null,
            "/JavaScript" or "/JS" => "The PDF contains JavaScript. Print it to a new PDF without scripts and upload that.",
            _ => $"The PDF carries web page markup or script ({found}). Upload the original file.",
        };
    }

    /// <summary>Chunks from the signature to IEND, each within the file; nothing after IEND.</summary>
    private static string? Png(Stream content)
    {
        var header = new byte[8];
        long at = 8;
        while (at + 12 <= content.Length)
        {
            content.Position = at;
            content.ReadExactly(header);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length > content.Length - at - 12)
            {
                break;
            }

            var type = Encoding.ASCII.GetString(header, 4, 4);
            if (type is "tEXt" or "iTXt" && length <= 1024 * 1024)
            {
                // Text chunks are the image's words, where a polyglot hides its page; pixel data is not read.
                var text = new byte[length];
                content.ReadExactly(text);
                if (FindIn(Encoding.Latin1.GetString(text)) is { } found)
                {
                    return $"The image carries web page markup or script in its text ({found}). Upload the original image.";
                }
            }

            at += 12 + length;
            if (type == "IEND")
            {
                return at == content.Length ? null : "The PNG has data after its end. Upload the original image.";
            }
        }

        return "The PNG is cut short or damaged. Upload the original image.";
    }

    private static string? Jpeg(Stream content)
    {
        // Comment and application segments (where a polyglot hides its page) up to the image data; the data is not read.
        content.Position = 2;
        var marker = new byte[4];
        while (content.Position + 4 <= content.Length)
        {
            content.ReadExactly(marker);
            if (marker[0] != 0xFF || marker[1] == 0xDA)
            {
                break;
            }

            var length = (marker[2] << 8) | marker[3];
            if (length < 2 || content.Position + length - 2 > content.Length)
            {
                return "The JPEG is damaged. Upload the original image.";
            }

            if (marker[1] is 0xFE or (>= 0xE0 and <= 0xEF))
            {
                var payload = new byte[length - 2];
                content.ReadExactly(payload);
                if (FindIn(Encoding.Latin1.GetString(payload)) is { } found)
                {
                    return $"The image carries web page markup or script in its comments ({found}). Upload the original image.";
                }
            }
            else
            {
                content.Position += length - 2;
            }
        }

        var tail = TailBytes(content, 4096);
        var end = tail.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]);
        return end < 0 || tail.AsSpan(end + 2).TrimEnd((byte)0).Length > 0 ? "The JPEG has data after its end. Upload the original image." : null;
    }

    /// <summary>Blocks from the header to the trailer (0x3B); nothing after it.</summary>
    private static string? Gif(Stream content)
    {
        content.Position = 0;
        using var reader = new BinaryReader(new BufferedStream(content, 65536), Encoding.ASCII, leaveOpen: true);
        var screen = reader.ReadBytes(13);
        if (screen.Length < 13)
        {
            return "The GIF is cut short. Upload the original image.";
        }

        Skip(reader, (screen[10] & 0x80) != 0 ? 3 * (1 << ((screen[10] & 0x07) + 1)) : 0);
        long position = 13 + ((screen[10] & 0x80) != 0 ? 3 * (1 << ((screen[10] & 0x07) + 1)) : 0);
        while (true)
        {
            var block = reader.ReadByte();
            position++;
            switch (block)
            {
                case 0x3B:
                    return position == content.Length ? null : "The GIF has data after its end. Upload the original image.";
                case 0x21:
                    reader.ReadByte();
                    var (skipped, words) = ReadSubBlocks(reader);
                    position += 1 + skipped;
                    if (FindIn(words) is { } found)
                    {
                        return $"The image carries web page markup or script in its comments ({found}). Upload the original image.";
                    }

                    break;
                case 0x2C:
                    var image = reader.ReadBytes(9);
                    var table = (image[8] & 0x80) != 0 ? 3 * (1 << ((image[8] & 0x07) + 1)) : 0;
                    Skip(reader, table + 1);
                    position += 9 + table + 1 + SkipSubBlocks(reader);
                    break;
                default:
                    return "The GIF is damaged or carries something else after its header. Upload the original image.";
            }
        }
    }

    private static void Skip(BinaryReader reader, int count)
    {
        if (reader.ReadBytes(count).Length < count)
        {
            throw new EndOfStreamException();
        }
    }

    /// <summary>An extension's sub-blocks: their length, and their bytes as text (comments, application data).</summary>
    private static (long Skipped, string Text) ReadSubBlocks(BinaryReader reader)
    {
        long skipped = 0;
        var text = new StringBuilder();
        int size;
        while ((size = reader.ReadByte()) != 0)
        {
            var block = reader.ReadBytes(size);
            if (block.Length < size)
            {
                throw new EndOfStreamException();
            }

            if (text.Length < 1024 * 1024)
            {
                text.Append(Encoding.Latin1.GetString(block));
            }

            skipped += size + 1;
        }

        return (skipped + 1, text.ToString());
    }

    private static long SkipSubBlocks(BinaryReader reader)
    {
        long skipped = 0;
        int size;
        while ((size = reader.ReadByte()) != 0)
        {
            Skip(reader, size);
            skipped += size + 1;
        }

        return skipped + 1;
    }

    private static string? Webp(Stream content)
    {
        var header = new byte[8];
        content.Position = 0;
        content.ReadExactly(header);
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        return declared + 8 == content.Length || declared + 9 == content.Length ? null : "The WebP image has data after its end. Upload the original image.";
    }

    private static string? Archive(string extension, Stream content)
    {
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxEntries)
        {
            return $"The archive holds {zip.Entries.Count:N0} entries, more than the {MaxEntries:N0} accepted.";
        }

        var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (ExecutableExtensions.Contains(Path.GetExtension(name)) || name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase))
            {
                return $"The archive holds a program or macros ({name}). Evidence must not carry code; remove it and upload again.";
            }

            if (name.Contains("../", StringComparison.Ordinal) || name.StartsWith('/'))
            {
                return $"The archive holds an entry that points outside it ({name}).";
            }
        }

        var required = extension switch
        {
            ".docx" => "word/document.xml",
            ".xlsx" => "xl/workbook.xml",
            ".pptx" => "ppt/presentation.xml",
            ".odt" or ".ods" => "content.xml",
            _ => null,
        };
        if (required is not null && (!names.Contains(required) || (extension is ".docx" or ".xlsx" or ".pptx" && !names.Contains("[Content_Types].xml"))))
        {
            return $"The file is not a real {extension.TrimStart('.').ToUpperInvariant()} document (it lacks {required}). Save it again from your office program.";
        }

        // Sizes as the archive declares them first (cheap), then as they really unpack, stopping at the limit.
        var bomb = $"The archive unpacks to far more than it holds (over {MaxUncompressedBytes / (1024 * 1024)} MB, or {MaxRatio} times its size): it looks like a zip bomb.";
        if (zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
        {
            return bomb;
        }

        long total = 0;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            long unpacked = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                unpacked += read;
                total += read;
                if (total > MaxUncompressedBytes || (unpacked > 1024 * 1024 && unpacked > MaxRatio * Math.Max(1, entry.CompressedLength)))
                {
                    return bomb;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The PDF read as its syntax: everything between "stream" and "endstream" is skipped, the rest searched for the
    /// JavaScript names (as whole names: /JS, /JavaScript) and for web page markup.
    /// </summary>
    private static string? PdfOutsideStreams(Stream content)
    {
        content.Position = 0;
        const int Overlap = 256;
        var buffer = new byte[1024 * 1024];
        var carried = 0;
        var inStream = false;
        int read;
        while ((read = content.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var length = carried + read;
            var text = Encoding.Latin1.GetString(buffer, 0, length);
            var at = 0;
            var end = read < buffer.Length - carried ? length : length - Overlap;
            while (at < end)
            {
                if (inStream)
                {
                    var close = text.IndexOf("endstream", at, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        at = end;
                        break;
                    }

                    at = close + "endstream".Length;
                    inStream = false;
                    continue;
                }

                var open = StreamKeyword().Match(text, at);
                // To the next stream, or to the end of what was read (the overlap is read again with the next block).
                var syntax = open.Success && open.Index < end ? text[at..open.Index] : text[at..length];
                if (PdfScript().Match(syntax) is { Success: true } script)
                {
                    return script.Value.StartsWith("/JavaScript", StringComparison.Ordinal) ? "/JavaScript" : "/JS";
                }

                if (FindIn(syntax) is { } markup)
                {
                    return markup;
                }

                if (!open.Success || open.Index >= end)
                {
                    at = end;
                    break;
                }

                at = open.Index + open.Length;
                inStream = true;
            }

            carried = length - Math.Min(at, length);
            carried = Math.Min(carried, Overlap);
            Buffer.BlockCopy(buffer, length - carried, buffer, 0, carried);
        }

        return null;
    }

    /// <summary>Markup or an event handler in a piece of text already read.</summary>
    private static string? FindIn(string text)
    {
        foreach (var marker in Markup)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return marker;
            }
        }

        return EventHandler().Match(text) is { Success: true } handler ? handler.Groups[1].Value + " … " + handler.Groups[2].Value + "=" : null;
    }

    private static string? Found(Stream content, string message) =>
        Scan(content, Markup, handlers: true) is { } found ? string.Format(System.Globalization.CultureInfo.InvariantCulture, message, found) : null;

    /// <summary>
    /// The first marker (ASCII, any case) anywhere in the file, read in blocks that overlap by the longest marker so
    /// nothing hides across a boundary; with <paramref name="handlers"/>, also an HTML event handler (&lt;img onerror=…).
    /// </summary>
    private static string? Scan(Stream content, IReadOnlyList<string> markers, bool handlers)
    {
        content.Position = 0;
        const int Overlap = 256;
        var buffer = new byte[81920 + Overlap];
        var carried = 0;
        int read;
        while ((read = content.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var length = carried + read;
            var window = Encoding.Latin1.GetString(buffer, 0, length);
            foreach (var marker in markers)
            {
                if (window.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return marker;
                }
            }

            if (handlers && EventHandler().Match(window) is { Success: true } handler)
            {
                return handler.Groups[1].Value + " … " + handler.Groups[2].Value + "=";
            }

            carried = Math.Min(Overlap, length);
            Buffer.BlockCopy(buffer, length - carried, buffer, 0, carried);
        }

        return null;
    }

    private static string Head(Stream content, int bytes)
    {
        content.Position = 0;
        var buffer = new byte[Math.Min(bytes, content.Length)];
        content.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer);
    }

    private static byte[] TailBytes(Stream content, int bytes)
    {
        var length = (int)Math.Min(bytes, content.Length);
        content.Position = content.Length - length;
        var buffer = new byte[length];
        content.ReadExactly(buffer);
        return buffer;
    }

    private static string Tail(Stream content, int bytes) => Encoding.Latin1.GetString(TailBytes(content, bytes));

    [GeneratedRegex(@"(<[a-z][a-z0-9]*)\b[^>]{0,200}?\s(on[a-z]{3,20})\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"(?<![A-Za-z])stream\r?\n")]
    private static partial Regex StreamKeyword();

    [GeneratedRegex(@"/(JavaScript|JS)(?![A-Za-z0-9])")]
    private static partial Regex PdfScript();

    [GeneratedRegex(@"^[A-Za-z0-9-]+:\s")]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"^(From|Date|Subject|To|Message-ID|Received|Return-Path|MIME-Version):", RegexOptions.IgnoreCase)]
    private static partial Regex MailHeader();
}
