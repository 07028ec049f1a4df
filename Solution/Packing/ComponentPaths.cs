using System;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Where components live inside a packed zip, and their ids, as real exports name them.</summary>
public static class ComponentPaths
{
    /// <summary>PluginAssemblies/&lt;Name&gt;-&lt;ID UPPER&gt;/&lt;Name&gt;.dll (no leading slash).</summary>
    public static string Assembly(string name) => $"PluginAssemblies/{name}-{Upper(StepModel.AssemblyIdOf(name))}/{name}.dll";

    public static Guid WebResourceId(string name) => ComponentIds.For("webresource", name);

    /// <summary>WebResources/&lt;name without separators&gt;&lt;ID UPPER&gt;: a packed zip flattens the name and drops the extension.</summary>
    public static string WebResource(string name) =>
        "WebResources/" + new string(name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray()) + Upper(WebResourceId(name));

    public static Guid RoleId(RoleDefinition role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return ComponentIds.For("role", role.Name);
    }

    /// <summary>Controls/&lt;prefix&gt;_&lt;Namespace&gt;.&lt;Constructor&gt;/&lt;file&gt; (no leading slash), the manifest as ControlManifest.xml.</summary>
    public static string Control(string name, string file) => $"Controls/{name}/{file}";

    public static string CustomApi(string api) => $"customapis/{api}/customapi.xml";

    public static string RequestParameter(string api, string parameter) => $"customapis/{api}/customapirequestparameters/{parameter}/customapirequestparameter.xml";

    public static string ResponseProperty(string api, string property) => $"customapis/{api}/customapiresponseproperties/{property}/customapiresponseproperty.xml";

    private static string Upper(Guid id) => id.ToString("D").ToUpperInvariant();
}
