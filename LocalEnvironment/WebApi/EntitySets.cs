using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Emulator.Metadata;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>Entity set names (TableDefinition.SetName) to tables, as the Web API's URLs and @odata.bind values use them.</summary>
internal sealed class EntitySets
{
    private readonly Dictionary<string, TableMetadata> _bySet;

    public EntitySets(MetadataCatalog metadata)
    {
        _bySet = new Dictionary<string, TableMetadata>(StringComparer.Ordinal);
        foreach (var table in metadata.Tables)
        {
            _bySet.TryAdd(table.Definition.SetName, table);
        }

        Metadata = metadata;
    }

    public MetadataCatalog Metadata { get; }

    public TableMetadata? Find(string setName) => _bySet.GetValueOrDefault(setName);

    public string SetOf(string logicalName) => Metadata.Find(logicalName)?.Definition.SetName ?? logicalName + "s";

    /// <summary>"/contacts(0000…)" or "contacts(0000…)" or a full URL → (table, id).</summary>
    public (TableMetadata Table, Guid Id) ParseReference(string reference)
    {
        var text = reference;
        var api = text.IndexOf("/api/data/v9.2/", StringComparison.OrdinalIgnoreCase);
        text = api >= 0 ? text[(api + "/api/data/v9.2/".Length)..] : text.TrimStart('/');
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !text.EndsWith(')') || !Guid.TryParse(text[(open + 1)..^1], out var id))
        {
            throw new WebApiException($"The reference '{reference}' is not of the form /<entityset>(<guid>).");
        }

        var table = Find(text[..open]) ?? throw WebApiException.NotFound(text[..open]);
        return (table, id);
    }

    public IEnumerable<TableMetadata> Tables => _bySet.Values.Distinct();
}
