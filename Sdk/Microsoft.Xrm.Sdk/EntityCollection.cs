using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

public sealed class EntityCollection : IExtensibleDataObject
{
    public EntityCollection()
    {
        Entities = new DataCollection<Entity>();
    }

    // Wraps the list, as Collection<T> does.
    public EntityCollection(IList<Entity> list)
    {
        Entities = new DataCollection<Entity>(list);
    }

    public DataCollection<Entity> Entities { get; }

    public bool MoreRecords { get; set; }

    public string? PagingCookie { get; set; }

    public string? MinActiveRowVersion { get; set; }

    public int TotalRecordCount { get; set; }

    public bool TotalRecordCountLimitExceeded { get; set; }

    public string? EntityName { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    public Entity this[int index]
    {
        get => Entities[index];
        set => Entities[index] = value;
    }
}
