using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Rapport.Solution.Tests;

/// <summary>Opens a produced zip as an importer would: entry names in order, bytes, and XML parts.</summary>
internal sealed class ZipParts
{
    private readonly Dictionary<string, byte[]> entries;

    public ZipParts(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        Names = archive.Entries.Select(e => e.FullName).ToList();
        Timestamps = archive.Entries.Select(e => e.LastWriteTime).ToList();
        entries = archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<System.DateTimeOffset> Timestamps { get; }

    public byte[] Bytes(string name) => entries[name];

    public XElement Xml(string name) => XDocument.Load(new MemoryStream(entries[name])).Root!;

    public XElement Solution => Xml("solution.xml").Element("SolutionManifest")!;

    public XElement Customizations => Xml("customizations.xml");
}
