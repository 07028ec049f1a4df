using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>Reads CLV (and other columns) of many contacts and accounts: one RetrieveMultiple per table that has ids.</summary>
public static class CustomerValues
{
    public static Dictionary<Guid, Entity> Read(IOrganizationService service, IEnumerable<EntityReference> customers, params string[] columns)
    {
        var result = new Dictionary<Guid, Entity>();
        foreach (var table in customers.GroupBy(c => c.LogicalName))
        {
            var ids = table.Select(c => c.Id).Distinct().ToList();
            for (var start = 0; start < ids.Count; start += 1000)
            {
                var query = new QueryExpression(table.Key) { ColumnSet = new ColumnSet(columns) };
                query.Criteria.AddCondition(table.Key + "id", ConditionOperator.In, ids.Skip(start).Take(1000).Cast<object>().ToArray());
                foreach (var row in service.RetrieveMultiple(query).Entities)
                {
                    result[row.Id] = row;
                }
            }
        }

        return result;
    }

    public static decimal Clv(Entity? row) => row?.GetAttributeValue<Money>(EngagementSchema.C.Clv)?.Value ?? 0;
}
