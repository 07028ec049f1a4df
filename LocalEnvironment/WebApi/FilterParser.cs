using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// $filter → FilterExpression: eq ne gt ge lt le, and/or/not with parentheses, contains/startswith/endswith, null,
/// booleans, numbers, strings, GUIDs, dates and lookup values (_x_value). "not" is pushed down (De Morgan) because a
/// QueryExpression has no negated group.
/// </summary>
internal sealed class FilterParser
{
    private readonly TableMetadata _table;
    private readonly List<FilterToken> _tokens;
    private readonly string _text;
    private int _at;

    private FilterParser(TableMetadata table, string text)
    {
        _table = table;
        _text = text;
        _tokens = FilterTokenizer.Tokenize(text);
    }

    private abstract record Node;

    private sealed record Group(LogicalOperator Operator, List<Node> Children) : Node;

    private sealed record Negation(Node Inner) : Node;

    private sealed record Comparison(string Operator, FilterToken Property, FilterToken Value) : Node;

    public static FilterExpression Parse(TableMetadata table, string text)
    {
        var parser = new FilterParser(table, text);
        var node = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Error(parser.Peek);
        }

        var lowered = parser.Lower(node, negate: false);
        return lowered;
    }

    private FilterToken Peek => _tokens[_at];

    private FilterToken Next() => _tokens[_at].Kind == TokenKind.End ? _tokens[_at] : _tokens[_at++];

    private bool IsWord(string word) => Peek.Kind == TokenKind.Word && string.Equals(Peek.Text, word, StringComparison.Ordinal);

    private Node ParseOr()
    {
        var children = new List<Node> { ParseAnd() };
        while (IsWord("or"))
        {
            _at++;
            children.Add(ParseAnd());
        }

        return children.Count == 1 ? children[0] : new Group(LogicalOperator.Or, children);
    }

    private Node ParseAnd()
    {
        var children = new List<Node> { ParseUnary() };
        while (IsWord("and"))
        {
            _at++;
            children.Add(ParseUnary());
        }

        return children.Count == 1 ? children[0] : new Group(LogicalOperator.And, children);
    }

    private Node ParseUnary()
    {
        if (IsWord("not"))
        {
            _at++;
            return new Negation(ParseUnary());
        }

        if (Peek.Kind == TokenKind.Open)
        {
            _at++;
            var inner = ParseOr();
            Expect(TokenKind.Close);
            return inner;
        }

        var first = Next();
        if (first.Kind != TokenKind.Word)
        {
            throw Error(first);
        }

        if (first.Text is "contains" or "startswith" or "endswith")
        {
            Expect(TokenKind.Open);
            var property = Next();
            Expect(TokenKind.Comma);
            var value = Next();
            Expect(TokenKind.Close);
            return new Comparison(first.Text, property, value);
        }

        var op = Next();
        if (op.Kind != TokenKind.Word || op.Text is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
        {
            throw Error(op);
        }

        return new Comparison(op.Text, first, Next());
    }

    private void Expect(TokenKind kind)
    {
        var token = Next();
        if (token.Kind != kind)
        {
            throw Error(token);
        }
    }

    private WebApiException Error(FilterToken token) =>
        WebApiException.BadQuery($"Syntax error at position {token.Position} in '{_text}'.");

    private FilterExpression Lower(Node node, bool negate)
    {
        switch (node)
        {
            case Negation n:
                return Lower(n.Inner, !negate);
            case Group g:
                var op = (g.Operator == LogicalOperator.And) != negate ? LogicalOperator.And : LogicalOperator.Or;
                var filter = new FilterExpression(op);
                foreach (var child in g.Children)
                {
                    var lowered = Lower(child, negate);
                    if (lowered.Conditions.Count == 1 && lowered.Filters.Count == 0)
                    {
                        filter.Conditions.Add(lowered.Conditions[0]);
                    }
                    else
                    {
                        filter.Filters.Add(lowered);
                    }
                }

                return filter;
            default:
                var single = new FilterExpression(LogicalOperator.And);
                single.Conditions.Add(Condition((Comparison)node, negate));
                return single;
        }
    }

    private ConditionExpression Condition(Comparison comparison, bool negate)
    {
        var (column, attribute) = Column(comparison.Property);
        var literal = comparison.Value;
        if (literal.Kind == TokenKind.Word && literal.Text == "null")
        {
            return comparison.Operator switch
            {
                "eq" => new ConditionExpression(attribute, negate ? ConditionOperator.NotNull : ConditionOperator.Null),
                "ne" => new ConditionExpression(attribute, negate ? ConditionOperator.Null : ConditionOperator.NotNull),
                _ => throw WebApiException.BadQuery($"The operator '{comparison.Operator}' cannot compare with null."),
            };
        }

        if (comparison.Operator is "contains" or "startswith" or "endswith")
        {
            if (literal.Kind != TokenKind.String)
            {
                throw Error(literal);
            }

            return comparison.Operator switch
            {
                "contains" => new ConditionExpression(attribute, negate ? ConditionOperator.NotLike : ConditionOperator.Like, "%" + literal.Text + "%"),
                "startswith" => new ConditionExpression(attribute, negate ? ConditionOperator.DoesNotBeginWith : ConditionOperator.BeginsWith, literal.Text),
                _ => new ConditionExpression(attribute, negate ? ConditionOperator.DoesNotEndWith : ConditionOperator.EndsWith, literal.Text),
            };
        }

        var conditionOperator = (comparison.Operator, negate) switch
        {
            ("eq", false) or ("ne", true) => ConditionOperator.Equal,
            ("ne", false) or ("eq", true) => ConditionOperator.NotEqual,
            ("gt", false) or ("le", true) => ConditionOperator.GreaterThan,
            ("ge", false) or ("lt", true) => ConditionOperator.GreaterEqual,
            ("lt", false) or ("ge", true) => ConditionOperator.LessThan,
            _ => ConditionOperator.LessEqual,
        };
        return new ConditionExpression(attribute, conditionOperator, Value(column, literal));
    }

    private (ColumnDefinition Column, string Attribute) Column(FilterToken property)
    {
        var name = property.Text;
        if (property.Kind == TokenKind.Word && name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
        {
            var lookup = name[1..^"_value".Length];
            if (_table.Column(lookup) is { } column && EntityJsonWriter.IsLookup(column))
            {
                return (column, lookup);
            }
        }
        else if (property.Kind == TokenKind.Word && _table.Column(name) is { } column && !EntityJsonWriter.IsLookup(column))
        {
            return (column, name);
        }

        throw WebApiException.BadQuery($"Could not find a property named '{name}' on type 'Microsoft.Dynamics.CRM.{_table.LogicalName}'.");
    }

    private object Value(ColumnDefinition column, FilterToken literal)
    {
        try
        {
            return (literal.Kind, column.Type) switch
            {
                (TokenKind.Word, _) when literal.Text is "true" or "false" => literal.Text == "true",
                (TokenKind.Guid, _) => Guid.Parse(literal.Text),
                (TokenKind.Date, _) => EntityJsonReader.ReadDate(literal.Text),
                (TokenKind.String, ColumnType.DateTime) => EntityJsonReader.ReadDate(literal.Text),
                (TokenKind.String, ColumnType.Uniqueidentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner) => Guid.Parse(literal.Text),
                (TokenKind.String, _) => literal.Text,
                (TokenKind.Number, ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status) => int.Parse(literal.Text, CultureInfo.InvariantCulture),
                (TokenKind.Number, ColumnType.BigInt) => long.Parse(literal.Text, CultureInfo.InvariantCulture),
                (TokenKind.Number, ColumnType.Double) => double.Parse(literal.Text, CultureInfo.InvariantCulture),
                (TokenKind.Number, _) => decimal.Parse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw Error(literal),
            };
        }
        catch (FormatException)
        {
            throw WebApiException.BadQuery($"The literal '{literal.Text}' does not fit the type of '{column.LogicalName}'.");
        }
        catch (OverflowException)
        {
            throw WebApiException.BadQuery($"The literal '{literal.Text}' does not fit the type of '{column.LogicalName}'.");
        }
    }
}
