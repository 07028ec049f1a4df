using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rapport.LocalEnvironment.WebApi;

internal enum TokenKind
{
    Open,
    Close,
    Comma,
    Word,
    String,
    Number,
    Guid,
    Date,
    End,
}

internal readonly record struct FilterToken(TokenKind Kind, string Text, int Position);

/// <summary>Splits an OData $filter into tokens: parentheses, commas, quoted strings ('' escapes '), and words.</summary>
internal static partial class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new FilterToken(c == '(' ? TokenKind.Open : c == ')' ? TokenKind.Close : TokenKind.Comma, c.ToString(), i));
                i++;
            }
            else if (c == '\'')
            {
                var start = i;
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw WebApiException.BadQuery($"Syntax error: unterminated string literal at position {start} in '{text}'.");
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new FilterToken(TokenKind.String, value.ToString(), start));
            }
            else
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-' or ':' or '+' or '@' or '/'))
                {
                    i++;
                }

                if (i == start)
                {
                    throw WebApiException.BadQuery($"Syntax error at position {start} in '{text}'.");
                }

                var word = text[start..i];
                tokens.Add(new FilterToken(Classify(word), word, start));
            }
        }

        tokens.Add(new FilterToken(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static TokenKind Classify(string word)
    {
        if (word.Length == 36 && System.Guid.TryParseExact(word, "D", out _))
        {
            return TokenKind.Guid;
        }

        if (DatePattern().IsMatch(word))
        {
            return TokenKind.Date;
        }

        return decimal.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? TokenKind.Number : TokenKind.Word;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex DatePattern();
}
