using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Roles/Role: id and name attributes, then IsCustomizable and RolePrivileges (exports write no IntroducedVersion on roles).</summary>
internal static class RoleXmlWriter
{
    public static XElement Write(RoleDefinition role) =>
        new("Role", new XAttribute("id", XmlParts.Braced(ComponentPaths.RoleId(role))), new XAttribute("name", role.Name),
            new XElement("IsCustomizable", "1"),
            new XElement("RolePrivileges", role.Privileges
                .OrderBy(p => p.Name, System.StringComparer.Ordinal)
                .Select(p => new XElement("RolePrivilege", new XAttribute("name", "prv" + p.Privilege + SchemaNames.Of(p.Table)), new XAttribute("level", p.Depth.ToString())))));
}
