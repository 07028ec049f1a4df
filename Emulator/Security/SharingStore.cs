using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Security;

/// <summary>
/// Shares, kept as Dataverse keeps them: principalobjectaccess rows (object, principal, access rights mask). They live
/// in the store, so a share granted inside a transaction that rolls back is undone with it.
/// </summary>
internal sealed class SharingStore
{
    public const string Table = "principalobjectaccess";

    private readonly EntityStore _store;

    public SharingStore(EntityStore store)
    {
        _store = store;
    }

    /// <summary>Sets the principal's rights on the row: added to what it had (Grant) or replacing it (Modify).</summary>
    public void Set(string table, Guid objectId, string principalTable, Guid principalId, AccessRights rights, bool replace)
    {
        var existing = Find(table, objectId, principalId);
        var mask = replace || existing is null ? rights : (AccessRights)(int)existing["accessrightsmask"]! | rights;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["principalobjectaccessid"] = existing?.Id ?? Guid.NewGuid(),
            ["objectid"] = objectId,
            ["objecttypecode"] = table,
            ["principalid"] = principalId,
            ["principaltypecode"] = principalTable,
            ["accessrightsmask"] = (int)mask,
            ["versionnumber"] = _store.NextVersion(),
        };
        if (existing is null)
        {
            _store.Insert(Table, (Guid)values["principalobjectaccessid"]!, values);
        }
        else
        {
            _store.Replace(existing, values);
        }
    }

    public bool Revoke(string table, Guid objectId, Guid principalId)
    {
        if (Find(table, objectId, principalId) is not { } existing)
        {
            return false;
        }

        _store.Remove(existing);
        return true;
    }

    /// <summary>The rights shared on the row with any of the principals (a user and its teams).</summary>
    public AccessRights RightsOn(string table, Guid objectId, IReadOnlySet<Guid> principals)
    {
        var rights = AccessRights.None;
        foreach (var share in _store.Rows(Table))
        {
            if (share["objectid"] is Guid id && id == objectId && share["objecttypecode"] as string == table
                && share["principalid"] is Guid principal && principals.Contains(principal))
            {
                rights |= (AccessRights)(int)share["accessrightsmask"]!;
            }
        }

        return rights;
    }

    /// <summary>The rows of the table shared with any of the principals with the right (for query trimming).</summary>
    public HashSet<Guid> SharedRows(string table, IReadOnlySet<Guid> principals, AccessRights right) =>
        _store.Rows(Table)
            .Where(s => s["objecttypecode"] as string == table && s["principalid"] is Guid p && principals.Contains(p)
                && ((AccessRights)(int)s["accessrightsmask"]! & right) == right)
            .Select(s => (Guid)s["objectid"]!)
            .ToHashSet();

    private Row? Find(string table, Guid objectId, Guid principalId) =>
        _store.Rows(Table).FirstOrDefault(s => s["objectid"] is Guid id && id == objectId && s["objecttypecode"] as string == table
            && s["principalid"] is Guid p && p == principalId);
}
