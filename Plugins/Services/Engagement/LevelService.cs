using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Engagement;
using C = Rapport.Plugins.Services.Engagement.EngagementSchema.C;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>A ladder built from its level rows, with each level's name by id.</summary>
public sealed record LadderRows(LevelLadder Ladder, Dictionary<string, string> Names);

/// <summary>The outcome of <see cref="LevelService.Assign"/>: the level now held (null for none), the move and the tasks created.</summary>
public sealed record LevelAssignment(EntityReference? Level, string? LevelName, LevelMove Move, Guid? HistoryId, IReadOnlyList<Guid> TaskIds);

/// <summary>
/// Assigns a contact or account its level on a ladder (rapport_level rows sharing a ladder name, ranked). Reading
/// costs 2 requests (the ladder, the customer); a move adds 1 Update of the customer, 1 Create of the history row and
/// 1 Create per follow-up task (standard task, regarding the customer, due now + days).
/// </summary>
public static class LevelService
{
    private static readonly string[] CustomerColumns =
    [
        C.Clv, C.Score, C.Level, C.Country, C.City, "rapport_totalvalue", "rapport_transactioncount", "rapport_lasttransactionon", "rapport_lybunt", "rapport_sybunt",
    ];

    public static LevelAssignment Assign(IOrganizationService service, EntityReference customer, string? ladderName, DateTime now)
    {
        if (!EngagementSchema.IsCustomerTable(customer.LogicalName))
        {
            throw new InvalidPluginExecutionException($"Levels are kept on contacts and accounts; '{customer.LogicalName}' is neither.");
        }

        var ladder = ReadLadder(service, ladderName);
        var row = service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(CustomerColumns));
        var previous = row.GetAttributeValue<EntityReference>(C.Level)?.Id.ToString("D");
        var evaluation = LevelEvaluator.Evaluate(ladder.Ladder, ToLevelCustomer(row), previous, now);
        var level = evaluation.NewLevel is { } l ? new EntityReference(EngagementSchema.Level, Guid.Parse(l.Id)) : null;
        if (!evaluation.Moved)
        {
            return new LevelAssignment(level, evaluation.NewLevel?.Name, LevelMove.None, null, Array.Empty<Guid>());
        }

        service.Update(new Entity(customer.LogicalName, customer.Id) { [C.Level] = level, [C.LevelSince] = level is null ? null : now });
        var history = evaluation.History!;
        var historyId = service.Create(new Entity(EngagementSchema.LevelHistory)
        {
            [EngagementSchema.Name] = $"{ladder.Ladder.Name}: {Name(ladder, history.FromLevelId)} → {Name(ladder, history.ToLevelId)}",
            ["rapport_customerid"] = customer,
            ["rapport_ladder"] = ladder.Ladder.Name,
            ["rapport_fromlevelid"] = Ref(history.FromLevelId),
            ["rapport_tolevelid"] = Ref(history.ToLevelId),
            ["rapport_move"] = new OptionSetValue(EngagementSchema.OptionPrefix + (history.Move == LevelMove.Up ? 0 : 1)),
            ["rapport_movedon"] = now,
        });
        var tasks = evaluation.Tasks.Select(t => service.Create(new Entity("task")
        {
            ["subject"] = t.Subject,
            ["regardingobjectid"] = customer,
            ["scheduledend"] = DateTime.SpecifyKind(t.DueOn, DateTimeKind.Utc),
            ["prioritycode"] = new OptionSetValue((int)t.Priority),
            ["description"] = $"Engagement plan of level '{evaluation.NewLevel?.Name}' ({ladder.Ladder.Name}).",
        })).ToList();
        return new LevelAssignment(level, evaluation.NewLevel?.Name, evaluation.Move, historyId, tasks);
    }

    /// <summary>Builds the ladder from its rows; errors name the level row to fix.</summary>
    public static LadderRows ReadLadder(IOrganizationService service, string? ladderName)
    {
        var query = new QueryExpression(EngagementSchema.Level)
        {
            ColumnSet = new ColumnSet(EngagementSchema.Name, "rapport_ladder", "rapport_source", "rapport_rank", "rapport_minimum", "rapport_maximum", "rapport_countries", "rapport_plantasks"),
        };
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder("rapport_rank", OrderType.Ascending);
        var rows = service.RetrieveMultiple(query).Entities;
        var ladders = rows.GroupBy(r => (r.GetAttributeValue<string>("rapport_ladder") ?? "").Trim(), StringComparer.OrdinalIgnoreCase).ToList();
        var chosen = string.IsNullOrWhiteSpace(ladderName)
            ? ladders.Count == 1 ? ladders[0] : throw new InvalidPluginExecutionException(ladders.Count == 0
                ? "No active level is defined: add rapport_level rows (ladder, source, rank, minimum/maximum) first."
                : $"Several ladders are defined ({string.Join(", ", ladders.Select(l => l.Key))}); name the ladder to evaluate.")
            : ladders.FirstOrDefault(l => string.Equals(l.Key, ladderName!.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidPluginExecutionException($"Ladder '{ladderName}' has no active level; known ladders: {string.Join(", ", ladders.Select(l => l.Key))}.");
        var sources = chosen.Select(r => r.GetAttributeValue<OptionSetValue>("rapport_source")?.Value).Distinct().ToList();
        if (sources.Count != 1 || sources[0] is not int source || source - EngagementSchema.OptionPrefix is < 0 or > 4)
        {
            throw new InvalidPluginExecutionException($"The levels of ladder '{chosen.Key}' must all have the same Source (CLV, engagement score, giving total, giving count or days since last gift).");
        }

        var levels = chosen.Select(ToLevel).ToList();
        var ladder = Refusal.Guard(() => new LevelLadder(chosen.Key, (LevelField)(source - EngagementSchema.OptionPrefix), levels));
        return new LadderRows(ladder, levels.ToDictionary(l => l.Id, l => l.Name));
    }

    public static LevelCustomer ToLevelCustomer(Entity row) => new()
    {
        Clv = row.GetAttributeValue<Money>(C.Clv)?.Value,
        EngagementScore = row.GetAttributeValue<double?>(C.Score),
        GivingTotal = row.GetAttributeValue<Money>("rapport_totalvalue")?.Value ?? 0,
        GivingCount = row.GetAttributeValue<int?>("rapport_transactioncount") ?? 0,
        LastGiftDate = row.GetAttributeValue<DateTime?>("rapport_lasttransactionon"),
        Lybunt = row.GetAttributeValue<bool?>("rapport_lybunt") ?? false,
        Sybunt = row.GetAttributeValue<bool?>("rapport_sybunt") ?? false,
        Country = row.GetAttributeValue<string>(C.Country),
        City = row.GetAttributeValue<string>(C.City),
    };

    private static LevelDefinition ToLevel(Entity row)
    {
        var name = row.GetAttributeValue<string>(EngagementSchema.Name) ?? row.Id.ToString("D");
        var countries = (row.GetAttributeValue<string>("rapport_countries") ?? "").Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
        return new LevelDefinition(row.Id.ToString("D"), name, row.GetAttributeValue<decimal?>("rapport_minimum"), row.GetAttributeValue<decimal?>("rapport_maximum"))
        {
            Conditions = countries.Length == 0 ? Array.Empty<LevelCondition>() : [LevelCondition.In(LevelField.Country, countries)],
            FollowUpTasks = Tasks(name, row.GetAttributeValue<string>("rapport_plantasks")),
        };
    }

    /// <summary>One task a line: "days | priority | subject" or "days | subject".</summary>
    private static List<EngagementPlanTaskTemplate> Tasks(string level, string? text)
    {
        var tasks = new List<EngagementPlanTaskTemplate>();
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split('|').Select(p => p.Trim()).ToArray();
            var priority = TaskPriority.Normal;
            if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days)
                || (parts.Length == 3 && !Enum.TryParse(parts[1], true, out priority)) || parts.Length > 3)
            {
                throw new InvalidPluginExecutionException($"Level '{level}', Engagement Plan Tasks line {i + 1} ('{lines[i]}') is not 'days | Low, Normal or High | subject'.");
            }

            tasks.Add(new EngagementPlanTaskTemplate(parts[parts.Length - 1], days, priority));
        }

        return tasks;
    }

    private static string Name(LadderRows ladder, string? id) =>
        id is not null && ladder.Names.TryGetValue(id, out var name) ? name : "no level";

    private static EntityReference? Ref(string? id) => id is null ? null : new EntityReference(EngagementSchema.Level, Guid.Parse(id));
}
