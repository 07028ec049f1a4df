using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Metadata;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// Copies of request parameters: Dataverse serializes a request, so the pipeline never changes the caller's objects,
/// while changes plugins make to the copy (Target in pre stages) reach the core operation.
/// </summary>
internal static class Parameters
{
    public static ParameterCollection Copy(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source)
        {
            copy[pair.Key] = Copy(pair.Value);
        }

        return copy;
    }

    public static object? Copy(object? value) => value switch
    {
        Entity entity => Copy(entity),
        EntityCollection collection => new EntityCollection(collection.Entities.Select(Copy).ToList())
        {
            EntityName = collection.EntityName,
            MoreRecords = collection.MoreRecords,
            PagingCookie = collection.PagingCookie,
        },
        EntityReference reference => CopyReference(reference),
        _ => ValueValidator.Copy(value),
    };

    public static Entity Copy(Entity entity)
    {
        var copy = new Entity(entity.LogicalName, entity.Id) { RowVersion = entity.RowVersion, EntityState = entity.EntityState };
        foreach (var pair in entity.Attributes)
        {
            copy.Attributes[pair.Key] = Copy(pair.Value);
        }

        foreach (var pair in entity.KeyAttributes)
        {
            copy.KeyAttributes[pair.Key] = pair.Value;
        }

        foreach (var pair in entity.FormattedValues)
        {
            copy.FormattedValues[pair.Key] = pair.Value;
        }

        return copy;
    }

    private static EntityReference CopyReference(EntityReference reference)
    {
        var copy = new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name, RowVersion = reference.RowVersion };
        foreach (var pair in reference.KeyAttributes)
        {
            copy.KeyAttributes[pair.Key] = pair.Value;
        }

        return copy;
    }
}
