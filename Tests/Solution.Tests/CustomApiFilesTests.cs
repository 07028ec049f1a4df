using System.Linq;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>Custom APIs travel as customapis/ files, as in Microsoft's exports.</summary>
public sealed class CustomApiFilesTests
{
    private static ZipParts Zip => new(TestSolution.Output.ManagedZip);

    [Test]
    public void Api_file_has_binding_plugin_type_and_localized_names()
    {
        var api = Zip.Xml($"customapis/{TestSolution.ApiName}/customapi.xml");
        Assert.That((string?)api.Attribute("uniquename"), Is.EqualTo(TestSolution.ApiName));
        Assert.That((string?)api.Element("bindingtype"), Is.EqualTo("1"));
        Assert.That((string?)api.Element("boundentitylogicalname"), Is.EqualTo("contact"));
        Assert.That((string?)api.Element("displayname")!.Attribute("default"), Is.EqualTo("Recalculate CLV"));
        var typeId = (string?)api.Element("plugintypeid")!.Element("plugintypeid");
        var type = TestSolution.ManagedZip.PluginTypes.Single(t => t.TypeName == "Rapport.Solution.Fixtures.RecalculateApiPlugin");
        Assert.That(typeId, Is.EqualTo(type.Id.ToString()));
    }

    [Test]
    public void Parameters_carry_type_codes_and_only_request_parameters_carry_isoptional()
    {
        var parameter = Zip.Xml($"customapis/{TestSolution.ApiName}/customapirequestparameters/ModelId/customapirequestparameter.xml");
        Assert.That((string?)parameter.Element("type"), Is.EqualTo("12"));
        Assert.That((string?)parameter.Element("isoptional"), Is.EqualTo("1"));
        Assert.That((string?)parameter.Element("name"), Is.EqualTo($"{TestSolution.ApiName}.ModelId"));
        var property = Zip.Xml($"customapis/{TestSolution.ApiName}/customapiresponseproperties/Clv/customapiresponseproperty.xml");
        Assert.That((string?)property.Element("type"), Is.EqualTo("8"));
        Assert.That(property.Element("isoptional"), Is.Null, "import fails on isoptional in a response property");
    }

    [Test]
    public void Custom_apis_are_not_in_customizations_xml()
    {
        Assert.That(Zip.Customizations.Descendants().Select(e => e.Name.LocalName), Has.None.EqualTo("CustomApis").And.None.EqualTo("customapi"));
    }

    [Test]
    public void Reader_returns_the_declared_api()
    {
        var api = TestSolution.ManagedZip.CustomApis.Single();
        Assert.That(api.UniqueName, Is.EqualTo(TestSolution.ApiName));
        Assert.That(api.PluginType, Is.EqualTo(TestSolution.Api.PluginType));
        Assert.That(api.Binding, Is.EqualTo(CustomApiBinding.Entity));
        Assert.That(api.RequestParameters.Select(p => (p.UniqueName, p.Type, p.IsOptional)),
            Is.EquivalentTo(new[] { ("ModelId", CustomApiFieldType.Guid, true), ("Horizon", CustomApiFieldType.Integer, false) }));
        Assert.That(api.ResponseProperties.Select(p => (p.UniqueName, p.Type)), Is.EqualTo(new[] { ("Clv", CustomApiFieldType.Money) }));
    }
}
