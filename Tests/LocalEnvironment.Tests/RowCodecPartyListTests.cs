using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.LocalEnvironment.Persistence;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>An e-mail's party lists (to, from: activityparty rows with partyid) survive the local data store.</summary>
public sealed class RowCodecPartyListTests
{
    [Test]
    public void Party_list_round_trips_with_every_party()
    {
        var ana = Guid.NewGuid();
        var queue = Guid.NewGuid();
        var to = new EntityCollection(new List<Entity>
        {
            new("activityparty") { ["partyid"] = new EntityReference("systemuser", ana) },
            new("activityparty") { ["partyid"] = new EntityReference("queue", queue) },
        }) { EntityName = "activityparty" };

        var back = RowCodec.Decode(RowCodec.Encode(new Dictionary<string, object?> { ["to"] = to }))["to"] as EntityCollection;

        Assert.That(back, Is.Not.Null);
        Assert.That(back!.Entities.Select(p => p.GetAttributeValue<EntityReference>("partyid")!.LogicalName + ":" + p.GetAttributeValue<EntityReference>("partyid")!.Id),
            Is.EqualTo(new[] { "systemuser:" + ana, "queue:" + queue }));
    }
}
