using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Rapport.Domain.Common;

/// <summary>Thrown by <see cref="JsonReader"/> for text that is not JSON; the message gives the character position.</summary>
public sealed class JsonFormatException : FormatException
{
    public JsonFormatException(string message)
        : base(message)
    {
    }

    public JsonFormatException()
    {
    }

    public JsonFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A strict RFC 8259 parser into <see cref="JsonValue"/>; nesting is limited to 64 levels.</summary>
public sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;

    private JsonReader(string text)
    {
        _text = text;
    }

    public static JsonValue Parse(string text)
    {
        Guard.NotNull(text, nameof(text));
        var reader = new JsonReader(text);
        reader.SkipWhiteSpace();
        var value = reader.ReadValue(0);
        reader.SkipWhiteSpace();
        if (reader._pos != text.Length)
        {
            throw reader.Error("unexpected text after the JSON value");
        }

        return value;
    }

    private JsonValue ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("nesting is too deep");
        }

        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return JsonValue.FromString(ReadString());
            case 't': Expect("true"); return JsonValue.FromBool(true);
            case 'f': Expect("false"); return JsonValue.FromBool(false);
            case 'n': Expect("null"); return JsonValue.Null;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error($"unexpected character '{c}'");
        }
    }

    private JsonValue ReadObject(int depth)
    {
        _pos++;
        var properties = new List<KeyValuePair<string, JsonValue>>();
        SkipWhiteSpace();
        if (Peek() == '}')
        {
            _pos++;
            return JsonValue.FromObject(properties);
        }

        while (true)
        {
            SkipWhiteSpace();
            if (Peek() != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            var name = ReadString();
            SkipWhiteSpace();
            if (Peek() != ':')
            {
                throw Error("expected ':' after a property name");
            }

            _pos++;
            SkipWhiteSpace();
            properties.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth + 1)));
            SkipWhiteSpace();
            var next = Peek();
            _pos++;
            if (next == '}')
            {
                return JsonValue.FromObject(properties);
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or '}' in an object");
            }
        }
    }

    private JsonValue ReadArray(int depth)
    {
        _pos++;
        var items = new List<JsonValue>();
        SkipWhiteSpace();
        if (Peek() == ']')
        {
            _pos++;
            return JsonValue.FromArray(items);
        }

        while (true)
        {
            SkipWhiteSpace();
            items.Add(ReadValue(depth + 1));
            SkipWhiteSpace();
            var next = Peek();
            _pos++;
            if (next == ']')
            {
                return JsonValue.FromArray(items);
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or ']' in an array");
            }
        }
    }

    private string ReadString()
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c < 0x20)
            {
                _pos--;
                throw Error("control character in a string");
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated escape");
            }

            var e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("invalid \\u escape");
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos--;
                    throw Error($"invalid escape '\\{e}'");
            }
        }
    }

    private JsonValue ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (!ReadDigits())
        {
            throw Error("invalid number");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!ReadDigits())
            {
                throw Error("invalid number");
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }

            if (!ReadDigits())
            {
                throw Error("invalid number");
            }
        }

        return JsonValue.FromNumber(_text.Substring(start, _pos - start));
    }

    private bool ReadDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }

        return _pos > start;
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error($"expected '{literal}'");
        }

        _pos += literal.Length;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhiteSpace()
    {
        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
        {
            _pos++;
        }
    }

    private JsonFormatException Error(string what) =>
        new JsonFormatException($"Invalid JSON at character {Math.Min(_pos, _text.Length) + 1}: {what}.");
}
