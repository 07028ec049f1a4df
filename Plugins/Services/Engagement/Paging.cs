using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>Reads every row of a query, 5,000 a request.</summary>
public static class Paging
{
    public static List<Entity> All(IOrganizationService service, QueryExpression query)
    {
        var rows = new List<Entity>();
        query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
        if (query.Orders.Count == 0)
        {
            query.AddOrder(query.EntityName + "id", OrderType.Ascending);
        }

        while (true)
        {
            var page = service.RetrieveMultiple(query);
            rows.AddRange(page.Entities);
            if (!page.MoreRecords)
            {
                return rows;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }
}
