using System.Collections.Generic;
using System.IO;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;

namespace Rapport.Clv.Tests;

/// <summary>The CSV reader against the rules and examples of RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180, section 2).</summary>
public class CsvTests
{
    [Test]
    public void Reads_the_RFC_examples_quoted_fields_embedded_commas_line_breaks_and_doubled_quotes()
    {
        var records = ReadAll("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n\"aaa\",\"b,bb\",\"ccc\"\r\n\"aaa\",\"b\r\nbb\",\"ccc\"\r\n\"aaa\",\"b\"\"bb\",\"ccc\"");

        Assert.That(records, Has.Count.EqualTo(5));
        Assert.That(records[0], Is.EqualTo(new[] { "aaa", "bbb", "ccc" }));
        Assert.That(records[1], Is.EqualTo(new[] { "zzz", "yyy", "xxx" }));
        Assert.That(records[2], Is.EqualTo(new[] { "aaa", "b,bb", "ccc" }));
        Assert.That(records[3], Is.EqualTo(new[] { "aaa", "b\r\nbb", "ccc" }));
        Assert.That(records[4], Is.EqualTo(new[] { "aaa", "b\"bb", "ccc" }));
    }

    [Test]
    public void Empty_fields_and_LF_line_ends_are_accepted()
    {
        var records = ReadAll("a,,c\n,\n");

        Assert.That(records[0], Is.EqualTo(new[] { "a", string.Empty, "c" }));
        Assert.That(records[1], Is.EqualTo(new[] { string.Empty, string.Empty }));
    }

    [TestCase("1,2,\"30,38\n", 1, 5, "never closed")]
    [TestCase("a,b\n1,\"2\"x,3\n", 2, 6, "after a closing quote")]
    [TestCase("a,b\n1,2\"3\n", 2, 4, "quote inside an unquoted field")]
    public void Malformed_records_are_errors_naming_line_and_column(string text, int line, int column, string what)
    {
        var error = Assert.Throws<ClvInputException>(() => ReadAll(text));

        Assert.That(error!.Message, Does.StartWith($"Line {line}, column {column}:").And.Contain(what));
    }

    [Test]
    public void Summary_reader_keeps_ids_with_commas_and_quotes()
    {
        var rows = SummaryCsv.Read(new StringReader("customer_id,frequency,recency,T\n\"Smith, J.\",2,30.43,38.86\n\"the \"\"big\"\" one\",0,0,38.86\n"));

        Assert.That(rows[0].Id, Is.EqualTo("Smith, J."));
        Assert.That(rows[0].T, Is.EqualTo(38.86));
        Assert.That(rows[1].Id, Is.EqualTo("the \"big\" one"));
    }

    [Test]
    public void Written_summaries_read_back_identically()
    {
        var rows = new List<CustomerSummary> { new("a,b", 3, 1.0 / 3, 2.5, 12.25, 2), new("\"q\"", 0, 0, 7) };
        var text = new StringWriter();

        SummaryCsv.Write(text, rows);

        Assert.That(SummaryCsv.Read(new StringReader(text.ToString())), Is.EqualTo(rows));
    }

    [Test]
    public void Transaction_log_csv_uses_the_same_reader()
    {
        var rows = TransactionLog.Read(new StringReader("date,id,value\n1997-01-01,\"Smith, J.\",\"15\"\n"));
        var error = Assert.Throws<ClvInputException>(() => TransactionLog.Read(new StringReader("date,id\n1997-01-01,\"x\n")));

        Assert.That(rows[0].CustomerId, Is.EqualTo("Smith, J."));
        Assert.That(error!.Message, Does.StartWith("Line 2, column 12:"));
    }

    private static List<string[]> ReadAll(string text)
    {
        var csv = new Csv(new StringReader(text));
        var records = new List<string[]>();
        string[]? record;
        while ((record = csv.ReadRecord()) != null)
        {
            records.Add(record);
        }

        return records;
    }
}
