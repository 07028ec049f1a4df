using System;
using System.Globalization;
using Rapport.Domain.Common;

namespace Rapport.Domain.Engagement;

/// <summary>
/// The scoring configuration as JSON, for a solution-aware configuration record an admin edits:
/// <code>{"halfLifeDays":90,"horizonDays":730,"sentimentStrength":0.5,"fallbackReferencePoints":50,
///  "kinds":{"like":{"weight":1,"dailyCap":20}, ...}}</code>
/// Anything left out keeps its default, so <c>{"halfLifeDays":60}</c> is a complete configuration.
/// </summary>
public static class EngagementScoringConfigJson
{
    public static string ToJson(EngagementScoringConfig config)
    {
        Guard.NotNull(config, nameof(config));
        config.EnsureValid();
        var w = new JsonWriter().StartObject()
            .Name("halfLifeDays").Number(ToDecimal(config.HalfLifeDays))
            .Name("horizonDays").Number(ToDecimal(config.HorizonDays))
            .Name("sentimentStrength").Number(ToDecimal(config.SentimentStrength))
            .Name("fallbackReferencePoints").Number(ToDecimal(config.FallbackReferencePoints))
            .Name("kinds").StartObject();
        foreach (var kind in InteractionKinds.All)
        {
            w.Name(InteractionKinds.Code(kind)).StartObject()
                .Name("weight").Number(ToDecimal(config.Weights.Weight(kind)))
                .Property("dailyCap", config.Weights.DailyCap(kind))
                .EndObject();
        }

        return w.EndObject().EndObject().ToString();
    }

    /// <summary>Reads and validates a configuration; errors name the JSON property (e.g. "kinds.like.weight").</summary>
    public static EngagementScoringConfig FromJson(string json)
    {
        JsonValue root;
        try
        {
            root = JsonReader.Parse(json);
        }
        catch (JsonFormatException ex)
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "json", $"The engagement scoring configuration is not valid JSON: {ex.Message}");
        }

        if (root.Kind != JsonKind.Object)
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "json", "The engagement scoring configuration must be a JSON object.");
        }

        var d = EngagementScoringConfig.Default;
        var weights = EngagementWeights.Default;
        var kinds = root.Get("kinds");
        if (kinds is not null && kinds.Kind == JsonKind.Object)
        {
            foreach (var p in kinds.Properties)
            {
                var kind = InteractionKinds.Parse(p.Key, "kinds");

                var weight = Number(p.Value, "weight", $"kinds.{p.Key}.weight") ?? weights.Weight(kind);
                var cap = Number(p.Value, "dailyCap", $"kinds.{p.Key}.dailyCap") ?? weights.DailyCap(kind);
                if (cap != Math.Floor(cap))
                {
                    throw new EngagementException(EngagementError.InvalidConfiguration, $"kinds.{p.Key}.dailyCap", $"kinds.{p.Key}.dailyCap must be a whole number.");
                }

                weights = weights.With(kind, weight, (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, cap)));
            }
        }

        var config = new EngagementScoringConfig
        {
            Weights = weights,
            HalfLifeDays = Number(root, "halfLifeDays", "halfLifeDays") ?? d.HalfLifeDays,
            HorizonDays = Number(root, "horizonDays", "horizonDays") ?? d.HorizonDays,
            SentimentStrength = Number(root, "sentimentStrength", "sentimentStrength") ?? d.SentimentStrength,
            FallbackReferencePoints = Number(root, "fallbackReferencePoints", "fallbackReferencePoints") ?? d.FallbackReferencePoints,
        };
        config.EnsureValid();
        return config;
    }

    private static double? Number(JsonValue o, string name, string field)
    {
        var v = o.Get(name);
        if (v is null || v.Kind == JsonKind.Null)
        {
            return null;
        }

        if (v.Kind == JsonKind.Number && double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw new EngagementException(EngagementError.InvalidConfiguration, field, $"{field} must be a number.");
    }

    private static decimal ToDecimal(double value) => decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
