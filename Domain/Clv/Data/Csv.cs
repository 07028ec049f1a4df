using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Rapport.Domain.Clv.Data;

/// <summary>
/// The one CSV reader for every CSV file the product reads (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180):
/// comma-separated fields, records ended by CRLF or LF, a field in double quotes may hold commas, line breaks and
/// doubled quotes (""). Unquoted fields are trimmed of spaces. A malformed record is an error naming its line and column.
/// </summary>
public sealed class Csv
{
    private readonly TextReader reader;
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
        if (atEnd || reader.Peek() < 0)
        {
            atEnd = true;
            return null;
        }

        RecordLine = line;
        var fields = new List<string>();
        while (true)
        {
            fields.Add(ReadField(out var end));
            if (end)
            {
                return fields.ToArray();
            }
        }
    }

    /// <summary>One field; <paramref name="end"/> is true when it closed its record.</summary>
    private string ReadField(out bool end)
    {
        var text = new StringBuilder();
        while (reader.Peek() == ' ')
        {
            Next();
        }

        if (reader.Peek() != '"')
        {
            while (true)
            {
                var c = reader.Peek();
                if (c < 0 || c == ',' || c == '\r' || c == '\n')
                {
                    end = EndOfField();
                    return text.ToString().TrimEnd(' ');
                }

                if (c == '"')
                {
                    throw Error(line, column + 1, "a quote inside an unquoted field (quote the whole field and double the quotes inside it)");
                }

                text.Append((char)Next());
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
                text.Append((char)c);
                continue;
            }

            if (reader.Peek() == '"')
            {
                text.Append('"');
                Next();
                continue;
            }

            while (reader.Peek() == ' ')
            {
                Next();
            }

            var after = reader.Peek();
            if (after >= 0 && after != ',' && after != '\r' && after != '\n')
            {
                throw Error(line, column + 1, $"'{(char)after}' after a closing quote (expected a comma or the end of the line)");
            }

            end = EndOfField();
            return text.ToString();
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

        if (c == '\r' && reader.Peek() == '\n')
        {
            Next();
        }

        return true;
    }

    private int Next()
    {
        var c = reader.Read();
        if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
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
