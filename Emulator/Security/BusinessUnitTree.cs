using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Security;

/// <summary>The business unit hierarchy, read from the businessunit rows (parentbusinessunitid).</summary>
internal sealed class BusinessUnitTree
{
    private readonly Dictionary<Guid, List<Guid>> _children = new();

    public BusinessUnitTree(EntityStore store)
    {
        foreach (var unit in store.Rows("businessunit"))
        {
            if (unit["parentbusinessunitid"] is EntityReference parent)
            {
                if (!_children.TryGetValue(parent.Id, out var list))
                {
                    list = new List<Guid>();
                    _children[parent.Id] = list;
                }

                list.Add(unit.Id);
            }
        }
    }

    /// <summary>The unit and every unit below it: what Deep (Parent: Child Business Units) depth reaches.</summary>
    public HashSet<Guid> SubtreeOf(Guid unit)
    {
        var result = new HashSet<Guid> { unit };
        var pending = new Stack<Guid>();
        pending.Push(unit);
        while (pending.Count > 0)
        {
            foreach (var child in _children.GetValueOrDefault(pending.Pop()) ?? [])
            {
                if (result.Add(child))
                {
                    pending.Push(child);
                }
            }
        }

        return result;
    }
}
