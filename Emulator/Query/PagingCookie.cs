using System;
using System.Globalization;
using System.Xml.Linq;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Query;

/// <summary>Dataverse's paging cookie: &lt;cookie page="n"&gt;&lt;accountid last="{id}" first="{id}" /&gt;&lt;/cookie&gt;.</summary>
internal static class PagingCookie
{
    public static string Build(string primaryId, int page, Guid first, Guid last) =>
        new XElement("cookie",
            new XAttribute("page", page.ToString(CultureInfo.InvariantCulture)),
            new XElement(primaryId, new XAttribute("last", last.ToString("B").ToUpperInvariant()), new XAttribute("first", first.ToString("B").ToUpperInvariant())))
            .ToString(SaveOptions.DisableFormatting);

    /// <summary>Checks a cookie sent back; the page to return is still the requested page number, as with Dataverse.</summary>
    public static void Validate(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return;
        }

        try
        {
            var root = XElement.Parse(cookie);
            if (root.Name.LocalName != "cookie")
            {
                throw Fault.Create(ErrorCodes.InvalidPagingCookie, "Invalid page number in paging cookie.");
            }
        }
        catch (System.Xml.XmlException)
        {
            throw Fault.Create(ErrorCodes.InvalidPagingCookie, "Invalid page number in paging cookie.");
        }
    }
}
