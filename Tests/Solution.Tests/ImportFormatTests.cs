using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>
/// The zip reader behind the local import refuses what Dataverse's import refuses, naming the part and the element:
/// each case edits one thing of the packed zip away from the form real exports have (see ExportShapes/).
/// </summary>
public sealed class ImportFormatTests
{
    [Test]
    public void The_packed_zip_is_accepted()
    {
        Assert.That(() => SolutionZipReader.Read(TestSolution.Output.ManagedZip), Throws.Nothing);
    }

    [TestCase("<IsDuplicateCheckSupported>0</IsDuplicateCheckSupported>", "<IsDuplicateCheckSupported>False</IsDuplicateCheckSupported>", "IsDuplicateCheckSupported", TestName = "An entity flag written False is refused")]
    [TestCase("<IsConnectionsEnabled>0</IsConnectionsEnabled>", "<IsConnectionsEnabled>true</IsConnectionsEnabled>", "IsConnectionsEnabled", TestName = "An entity flag written true is refused")]
    [TestCase("<IsSecured>0</IsSecured>", "<IsSecured>No</IsSecured>", "attribute[", TestName = "A column flag that is not 0 or 1 is refused")]
    [TestCase("<AsyncAutoDelete>0</AsyncAutoDelete>", "<AsyncAutoDelete>False</AsyncAutoDelete>", "SdkMessageProcessingStep[", TestName = "A step flag written False is refused")]
    [TestCase("level=\"Global\"", "level=\"Organization\"", "RolePrivilege[", TestName = "A role privilege depth outside Basic Local Deep Global is refused")]
    [TestCase("<EntityRelationshipType>OneToMany</EntityRelationshipType>", "<EntityRelationshipType>ManyToOne</EntityRelationshipType>", "EntityRelationshipType", TestName = "A ManyToOne relationship type is refused")]
    public void A_value_in_another_format_than_exports_is_refused_naming_the_element(string from, string to, string named)
    {
        var zip = Edit(TestSolution.Output.ManagedZip, "customizations.xml", xml => Replace(xml, from, to));

        var refused = Assert.Throws<SolutionFormatException>(() => SolutionZipReader.Read(zip))!;
        Assert.That(refused.Part, Is.EqualTo("customizations.xml"));
        Assert.That(refused.Message, Does.Contain(named));
    }

    [TestCase("<FriendlyName>[^<]*</FriendlyName>", "PluginType[", "FriendlyName", TestName = "A plugin type without FriendlyName is refused")]
    [TestCase("<SdkMessageId>[^<]*</SdkMessageId>", "SdkMessageProcessingStep[", "SdkMessageId", TestName = "A step without SdkMessageId is refused")]
    [TestCase("<attributes>", "entity[", "attributes", TestName = "A table without its attributes container is refused")]
    [TestCase("PhysicalName=\"[^\"]*\"", "attribute", "PhysicalName", TestName = "A column without PhysicalName is refused")]
    [TestCase("<WebResourceId>[^<]*</WebResourceId>", "WebResource", "WebResourceId", TestName = "A web resource without its id is refused")]
    public void A_missing_required_part_is_refused_naming_the_element(string removed, string element, string required)
    {
        var zip = Edit(TestSolution.Output.ManagedZip, "customizations.xml", xml =>
        {
            var edited = Regex.Replace(xml, removed, "", RegexOptions.None, TimeSpan.FromSeconds(5));
            return removed == "<attributes>" ? edited.Replace("</attributes>", "", StringComparison.Ordinal) : edited;
        });

        var refused = Assert.Throws<SolutionFormatException>(() => SolutionZipReader.Read(zip))!;
        Assert.That(refused.Message, Does.Contain(element).And.Contain(required));
    }

    [Test]
    public void A_response_property_with_isoptional_is_refused()
    {
        // Microsoft's exports carry no isoptional on customapiresponseproperty; the column does not exist on that table.
        var part = ComponentPaths.ResponseProperty(TestSolution.ApiName, "Clv");
        var zip = Edit(TestSolution.Output.ManagedZip, part, xml => Replace(xml, "<iscustomizable>0</iscustomizable>", "<iscustomizable>0</iscustomizable><isoptional>0</isoptional>"));

        var refused = Assert.Throws<SolutionFormatException>(() => SolutionZipReader.Read(zip))!;
        Assert.That(refused.Part, Is.EqualTo(part));
        Assert.That(refused.Message, Does.Contain("isoptional"));
    }

    [Test]
    public void A_Custom_API_flag_written_false_is_refused()
    {
        var part = ComponentPaths.CustomApi(TestSolution.ApiName);
        var zip = Edit(TestSolution.Output.ManagedZip, part, xml => Replace(xml, "<isfunction>0</isfunction>", "<isfunction>false</isfunction>"));

        var refused = Assert.Throws<SolutionFormatException>(() => SolutionZipReader.Read(zip))!;
        Assert.That(refused.Message, Does.Contain(part).And.Contain("isfunction"));
    }

    [Test]
    public void Elements_newer_exports_add_are_accepted_as_Dataverse_accepts_them()
    {
        // Exports from 2025 (ColumnLevelSecurity sample, PPDSDemo) carry OrganizationVersion on the root and
        // IsRetrieveAuditEnabled / CascadeArchive; Dataverse imports them, so the local import must too.
        var zip = Edit(TestSolution.Output.ManagedZip, "customizations.xml", xml => Replace(
            Replace(xml, "<IsActivity>0</IsActivity>", "<IsRetrieveAuditEnabled>0</IsRetrieveAuditEnabled><IsActivity>0</IsActivity>"),
            "<ImportExportXml ", "<ImportExportXml OrganizationVersion=\"9.2.25112.171\" "));

        Assert.That(() => SolutionZipReader.Read(zip), Throws.Nothing);
    }

    private static string Replace(string xml, string from, string to)
    {
        Assert.That(xml, Does.Contain(from), "the packed part no longer has the text this case edits");
        return xml.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>The zip with one part's text edited in place.</summary>
    private static byte[] Edit(byte[] zip, string part, Func<string, string> edit)
    {
        using var copy = new MemoryStream();
        copy.Write(zip);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry(part)!;
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(part).Open(), new UTF8Encoding(false));
            writer.Write(edit(text));
        }

        return copy.ToArray();
    }
}
