using System;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Engagement;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>rapport_socialinteraction rows to and from the domain's <see cref="Interaction"/>.</summary>
public static class InteractionRows
{
    /// <summary>Reads a row strictly: an unknown channel or kind is refused naming the column.</summary>
    public static Interaction ToInteraction(Entity row)
    {
        var customer = row.GetAttributeValue<EntityReference>(I.Customer);
        var occurred = row.GetAttributeValue<DateTime?>(I.OccurredOn)
            ?? throw new EngagementException(EngagementError.InvalidInteraction, "OccurredOn", "OccurredOn is required: when the interaction happened.");
        return new Interaction(customer?.Id ?? Guid.Empty, EngagementSchema.KindOf(row.GetAttributeValue<OptionSetValue>(I.Kind)), EngagementSchema.ChannelOf(row.GetAttributeValue<OptionSetValue>(I.Channel)), DateTime.SpecifyKind(occurred, DateTimeKind.Utc))
        {
            ExternalId = row.GetAttributeValue<string>(I.ExternalId),
            Sentiment = row.GetAttributeValue<double?>(I.Sentiment),
            Rating = row.GetAttributeValue<int?>(I.Rating),
            MonetaryValue = row.GetAttributeValue<Money>(I.Value)?.Value,
            ReferredCustomerId = row.GetAttributeValue<EntityReference>(I.Referred)?.Id,
        };
    }

    /// <summary>The columns scoring reads, tolerant of bad stored values (they were refused on the way in).</summary>
    public static Interaction? ForScoring(Entity row, Guid customerId)
    {
        var kind = row.GetAttributeValue<OptionSetValue>(I.Kind);
        var occurred = row.GetAttributeValue<DateTime?>(I.OccurredOn);
        var position = (kind?.Value ?? -1) - EngagementSchema.OptionPrefix;
        if (occurred is null || position < 0 || position >= InteractionKinds.All.Count)
        {
            return null;
        }

        var channel = row.GetAttributeValue<OptionSetValue>(I.Channel);
        var channelPosition = (channel?.Value ?? -1) - EngagementSchema.OptionPrefix;
        return new Interaction(customerId, InteractionKinds.All[position], channelPosition >= 0 && channelPosition < Channels.All.Count ? Channels.All[channelPosition] : Channel.Other, DateTime.SpecifyKind(occurred.Value, DateTimeKind.Utc))
        {
            ExternalId = row.GetAttributeValue<string>(I.ExternalId),
            Sentiment = row.GetAttributeValue<double?>(I.Sentiment),
            MonetaryValue = row.GetAttributeValue<Money>(I.Value)?.Value,
            ReferredCustomerId = row.GetAttributeValue<EntityReference>(I.Referred)?.Id,
        };
    }

    public static Entity ToRow(Interaction interaction, EntityReference customer, EntityReference? referred)
    {
        var row = new Entity(EngagementSchema.Interaction)
        {
            [EngagementSchema.Name] = $"{InteractionKinds.Code(interaction.Kind)} on {Channels.Code(interaction.Channel)}",
            [I.Customer] = customer,
            [I.Channel] = EngagementSchema.ChannelOption(interaction.Channel),
            [I.Kind] = EngagementSchema.KindOption(interaction.Kind),
            [I.OccurredOn] = DateTime.SpecifyKind(interaction.OccurredOn, DateTimeKind.Utc),
        };
        Set(row, I.ExternalId, interaction.ExternalId);
        Set(row, I.Sentiment, interaction.Sentiment);
        Set(row, I.Rating, interaction.Rating);
        Set(row, I.Value, interaction.MonetaryValue is { } v ? new Money(v) : null);
        Set(row, I.Referred, referred);
        return row;
    }

    private static void Set(Entity row, string column, object? value)
    {
        if (value is not null)
        {
            row[column] = value;
        }
    }
}
