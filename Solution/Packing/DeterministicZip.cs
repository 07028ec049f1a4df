using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Rapport.Solution.Packing;

/// <summary>
/// Writes a zip whose bytes depend only on its entries: [Content_Types].xml first then ordinal name order,
/// one fixed timestamp, one compression level, no extra fields.
/// </summary>
public static class DeterministicZip
{
    /// <summary>The DOS epoch: the earliest time a zip entry can carry.</summary>
    public static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(IReadOnlyDictionary<string, byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in Order(entries.Keys))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Timestamp;
                using var stream = entry.Open();
                stream.Write(entries[name]);
            }
        }

        return buffer.ToArray();
    }

    public static IEnumerable<string> Order(IEnumerable<string> names) =>
        names.OrderBy(n => n == ContentTypesWriter.EntryName ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal);
}
