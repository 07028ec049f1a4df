using System.Collections.Generic;
using System.CommandLine;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;

namespace Rapport.Cli.Commands.Clv;

/// <summary>The input options shared by fit and predict: a summary CSV, or a transaction log with a calibration end.</summary>
internal sealed class ClvInputOptions
{
    public Option<string> Input { get; } = new("--input") { Description = "Summary CSV (frequency,recency,T[,zbar][,weights]) or, with --transactions, a transaction log.", Required = true };

    public Option<bool> Transactions { get; } = new("--transactions") { Description = "Treat --input as a transaction log (CDNOW whitespace format or a 'date,id[,value]' CSV)." };

    public Option<string?> CalibrationEnd { get; } = new("--calibration-end") { Description = "Last day of the calibration period (YYYY-MM-DD or YYYYMMDD), for --transactions." };

    public Option<string> TimeUnit { get; } = new("--time-unit") { Description = "day, week or month (for --transactions).", DefaultValueFactory = _ => "week" };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Transactions);
        command.Options.Add(CalibrationEnd);
        command.Options.Add(TimeUnit);
    }

    /// <summary>The customers as columns, for fitting: a summary file is streamed without a record per customer.</summary>
    public SummaryColumns LoadColumns(ParseResult parseResult) =>
        parseResult.GetValue(Transactions) ? SummaryColumns.From(Load(parseResult)) : SummaryCsv.ReadColumns(parseResult.GetValue(Input)!);

    public List<CustomerSummary> Load(ParseResult parseResult)
    {
        var path = parseResult.GetValue(Input)!;
        if (!parseResult.GetValue(Transactions))
        {
            return SummaryCsv.Read(path);
        }

        var end = parseResult.GetValue(CalibrationEnd)
            ?? throw new ClvInputException("--transactions needs --calibration-end.", "calibration-end");
        var unit = TimeUnits.Parse(parseResult.GetValue(TimeUnit)!);
        return RfmSummary.Build(TransactionLog.Read(path), TransactionLog.ParseDate(end, "--calibration-end"), unit);
    }
}
