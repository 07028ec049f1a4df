using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Rapport.Solution.Packing;

/// <summary>Small builders for the label/flag shapes that recur in solution XML, and the two byte encodings of a part.</summary>
internal static class XmlParts
{
    public const int Language = 1033;

    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>An element carrying a label: &lt;name description="…" languagecode="1033" /&gt;.</summary>
    public static XElement Label(string name, string description) =>
        new(name, new XAttribute("description", description), new XAttribute("languagecode", Language));

    /// <summary>A container of one label, e.g. LocalizedNames/LocalizedName.</summary>
    public static XElement Labels(string container, string item, string description) => new(container, Label(item, description));

    public static string Flag(bool value) => value ? "1" : "0";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Braced lower-case GUID, as exports write ids in elements.</summary>
    public static string Braced(Guid id) => id.ToString("B");

    public static XElement Nil(string name) => new(name, new XAttribute(Xsi + "nil", "true"), "");

    public static XAttribute XsiDeclaration() => new(XNamespace.Xmlns + "xsi", Xsi.NamespaceName);

    /// <summary>A part inside a packed zip: no BOM, no XML declaration (as real exports).</summary>
    public static byte[] Packed(XElement root) => Serialize(root, bom: false, declaration: false);

    /// <summary>A file of an unpacked tree: BOM and XML declaration (as pac / SolutionPackager write them).</summary>
    public static byte[] Unpacked(XElement root) => Serialize(root, bom: true, declaration: true);

    public static byte[] Serialize(XElement root, bool bom, bool declaration)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(bom),
            OmitXmlDeclaration = !declaration,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\r\n",
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            root.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
