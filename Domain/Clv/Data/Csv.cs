using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Rapport.Domain.Clv.Data;

/// <summary>
/// The one CSV reader for every CSV file the product reads (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180):
/// comma-separated fields, records ended by CRLF or LF, a field in double quotes may hold commas, line breaks and
/// doubled quotes (""). Unquoted fields are trimmed of spaces. A malformed record is an error naming its line and column.
/// </summary>
public sealed class Csv
{
    private readonly TextReader reader;
    private readonly char[] buffer = new char[16384];
    private readonly CsvFields scratch = new();
    private int position;
    private int filled;
    private int line;
    private int column;
    private bool atEnd;

    /// <summary>Reads <paramref name="reader"/>, whose next line is line <paramref name="firstLine"/> of the file.</summary>
    public Csv(TextReader reader, int firstLine = 1)
    {
        this.reader = reader;
        line = firstLine;
    }

    /// <summary>The line on which the last record returned by <see cref="ReadRecord"/> started (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>Quotes a field when it needs it (comma, quote, line break or edge spaces).</summary>
    public static string Quote(string field)
    {
        var needs = field.Length > 0 && (field[0] == ' ' || field[field.Length - 1] == ' ');
        foreach (var ch in field)
        {
            needs |= ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }

        return needs ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    /// <summary>Splits one line that cannot hold a line break (a header, say).</summary>
    public static string[] SplitLine(string text) => new Csv(new StringReader(text)).ReadRecord() ?? new[] { string.Empty };

    /// <summary>The next record's fields, or null at the end of the input. A blank line is a record of one empty field.</summary>
    public string[]? ReadRecord()
    {
        if (!ReadRecord(scratch))
        {
            return null;
        }

        var fields = new string[scratch.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = scratch[i];
        }

        return fields;
    }

    /// <summary>Reads the next record into <paramref name="fields"/> (reused: no allocation per record); false at the end of the input.</summary>
    public bool ReadRecord(CsvFields fields)
    {
        fields.Clear();
        if (atEnd || Peek() < 0)
        {
            atEnd = true;
            return false;
        }

        RecordLine = line;
        while (true)
        {
            fields.Begin(fields.End);
            if (ReadField(fields))
            {
                return true;
            }
        }
    }

    /// <summary>One field appended to <paramref name="fields"/>; true when it closed its record.</summary>
    private bool ReadField(CsvFields fields)
    {
        while (Peek() == ' ')
        {
            Next();
        }

        if (Peek() != '"')
        {
            while (true)
            {
                // Plain characters are copied straight from the block: this loop is where a large file's time goes.
                var from = position;
                while (position < filled)
                {
                    var plain = buffer[position];
                    if (plain == ',' || plain == '\r' || plain == '\n' || plain == '"')
                    {
                        break;
                    }

                    position++;
                }

                if (position > from)
                {
                    fields.Append(buffer, from, position - from);
                    column += position - from;
                }

                var c = Peek();
                if (c < 0 || c == ',' || c == '\r' || c == '\n')
                {
                    fields.TrimEnd();
                    return EndOfField();
                }

                if (c == '"')
                {
                    throw Error(line, column + 1, "a quote inside an unquoted field (quote the whole field and double the quotes inside it)");
                }

                fields.Append((char)Next());
            }
        }

        var openLine = line;
        var openColumn = column + 1;
        Next();
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                throw Error(openLine, openColumn, "the quoted field opened here is never closed");
            }

            if (c != '"')
            {
                fields.Append((char)c);
                continue;
            }

            if (Peek() == '"')
            {
                fields.Append('"');
                Next();
                continue;
            }

            while (Peek() == ' ')
            {
                Next();
            }

            var after = Peek();
            if (after >= 0 && after != ',' && after != '\r' && after != '\n')
            {
                throw Error(line, column + 1, $"'{(char)after}' after a closing quote (expected a comma or the end of the line)");
            }

            return EndOfField();
        }
    }

    /// <summary>Consumes the separator after a field: true at a line break or the end of the input.</summary>
    private bool EndOfField()
    {
        var c = Next();
        if (c == ',')
        {
            return false;
        }

        if (c == '\r' && Peek() == '\n')
        {
            Next();
        }

        return true;
    }

    /// <summary>The next character without consuming it (-1 at the end); reads the input in blocks, not a call per character.</summary>
    private int Peek()
    {
        if (position == filled)
        {
            if (atEnd)
            {
                return -1;
            }

            filled = reader.Read(buffer, 0, buffer.Length);
            position = 0;
            if (filled <= 0)
            {
                filled = 0;
                return -1;
            }
        }

        return buffer[position];
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
        {
            position++;
        }

        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            line++;
            column = 0;
        }
        else if (c >= 0 && c != '\r')
        {
            column++;
        }

        return c;
    }

    private static ClvInputException Error(int atLine, int atColumn, string what) =>
        new(string.Format(CultureInfo.InvariantCulture, "Line {0}, column {1}: {2}.", atLine, atColumn, what));
}
