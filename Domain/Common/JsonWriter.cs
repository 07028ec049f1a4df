using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Rapport.Domain.Common;

/// <summary>
/// A small forward-only JSON writer (RFC 8259) for the few shapes the domain emits. Commas are placed for the caller;
/// strings are escaped, including &lt; &gt; &amp; ' and U+2028/U+2029, so the output is also safe inside HTML and script.
/// </summary>
public sealed class JsonWriter
{
    private readonly StringBuilder _sb = new StringBuilder();
    private readonly Stack<bool> _hasItems = new Stack<bool>();
    private bool _afterName;

    public JsonWriter StartObject() => Open('{');

    public JsonWriter EndObject() => Close('}');

    public JsonWriter StartArray() => Open('[');

    public JsonWriter EndArray() => Close(']');

    public JsonWriter Name(string name)
    {
        Guard.NotNull(name, nameof(name));
        if (_afterName || _hasItems.Count == 0)
        {
            throw new InvalidOperationException("A property name is only valid inside an object.");
        }

        Separate();
        AppendString(_sb, name);
        _sb.Append(':');
        _afterName = true;
        return this;
    }

    public JsonWriter String(string? value)
    {
        Separate();
        if (value is null)
        {
            _sb.Append("null");
        }
        else
        {
            AppendString(_sb, value);
        }

        return this;
    }

    public JsonWriter Number(long value)
    {
        Separate();
        _sb.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonWriter Number(decimal value)
    {
        Separate();
        _sb.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonWriter Bool(bool value)
    {
        Separate();
        _sb.Append(value ? "true" : "false");
        return this;
    }

    public JsonWriter Null()
    {
        Separate();
        _sb.Append("null");
        return this;
    }

    /// <summary>Lower-case "D" form, e.g. 7d0c2b1e-….</summary>
    public JsonWriter Guid(Guid value) => String(value.ToString("D"));

    /// <summary>ISO 8601 in UTC with milliseconds, e.g. 2026-11-25T10:00:00.000Z (an unspecified kind is taken as UTC).</summary>
    public JsonWriter DateTime(DateTime value) => String(Iso(value));

    public JsonWriter Property(string name, string? value) => Name(name).String(value);

    public JsonWriter Property(string name, long value) => Name(name).Number(value);

    public JsonWriter Property(string name, bool value) => Name(name).Bool(value);

    public JsonWriter Property(string name, Guid value) => Name(name).Guid(value);

    public JsonWriter Property(string name, DateTime value) => Name(name).DateTime(value);

    public JsonWriter Property(string name, DateTime? value) => value.HasValue ? Name(name).DateTime(value.Value) : Name(name).Null();

    public override string ToString()
    {
        if (_hasItems.Count != 0 || _afterName)
        {
            throw new InvalidOperationException("The JSON document is not complete: an object or array is still open.");
        }

        return _sb.ToString();
    }

    public static string Iso(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : System.DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Appends <paramref name="value"/> as a quoted, escaped JSON string.</summary>
    public static void AppendString(StringBuilder sb, string value)
    {
        Guard.NotNull(sb, nameof(sb));
        Guard.NotNull(value, nameof(value));
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private JsonWriter Open(char bracket)
    {
        Separate();
        _sb.Append(bracket);
        _hasItems.Push(false);
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        if (_hasItems.Count == 0 || _afterName)
        {
            throw new InvalidOperationException($"Unbalanced '{bracket}' in the JSON being written.");
        }

        _hasItems.Pop();
        _sb.Append(bracket);
        return this;
    }

    private void Separate()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_hasItems.Count > 0)
        {
            if (_hasItems.Peek())
            {
                _sb.Append(',');
            }
            else
            {
                _hasItems.Pop();
                _hasItems.Push(true);
            }
        }
        else if (_sb.Length > 0)
        {
            throw new InvalidOperationException("A JSON document has one root value.");
        }
    }
}
