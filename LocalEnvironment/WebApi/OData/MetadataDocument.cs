using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>GET $metadata: the CSDL document of the same model the URLs are parsed against
/// (learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-service-documents#csdl-metadata-document).</summary>
internal static class MetadataDocument
{
    public static string Write(IEdmModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = false, Encoding = new UTF8Encoding(false) }))
        {
            if (!CsdlWriter.TryWriteCsdl(model, writer, CsdlTarget.OData, out IEnumerable<EdmError> errors))
            {
                throw new WebApiException(500, WebApiException.QuerySyntax, "The $metadata document could not be written: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
