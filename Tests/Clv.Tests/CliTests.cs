using System.CommandLine;
using System.IO;
using System.Text.Json;
using Rapport.Cli.Commands.Clv;

namespace Rapport.Clv.Tests;

/// <summary>`rapport clv` and `rapport bench clv`, run in-process through the same command objects the tool uses.</summary>
public class CliTests
{
    [Test]
    public void Fit_json_reports_named_parameters_likelihood_and_customers()
    {
        var (code, output, _) = Run("clv", "fit", "--model", "bgnbd", "--input", GoldenData.PathOf("cdnow_customers_summary.csv"), "--repeat", "2", "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(code, Is.EqualTo(0));
        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("bgnbd"));
        Assert.That(root.GetProperty("parameters").GetProperty("alpha").GetDouble(), Is.EqualTo(4.414).Within(0.005));
        Assert.That(root.GetProperty("logLikelihood").GetDouble(), Is.EqualTo(-9582.4).Within(0.1));
        Assert.That(root.GetProperty("customers").GetDouble(), Is.EqualTo(2357));
        Assert.That(root.GetProperty("converged").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("iterations").GetInt32(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("elapsedMs").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("Usable"));
        Assert.That(root.GetProperty("reasons").GetArrayLength(), Is.Zero);
        Assert.That(root.GetProperty("standardErrorsFinite").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("atBound").GetArrayLength(), Is.Zero);
        Assert.That(root.GetProperty("standardErrors").GetProperty("r").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public void Fit_from_the_CDNOW_transaction_log_keeps_946_repeat_customers_for_gamma_gamma()
    {
        var (code, output, _) = Run("clv", "fit", "--model", "gammagamma", "--input", GoldenData.PathOf("CDNOW_sample.txt"), "--transactions", "--calibration-end", "1997-09-30", "--time-unit", "week", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(json.RootElement.GetProperty("customers").GetDouble(), Is.EqualTo(946));
        Assert.That(json.RootElement.GetProperty("parameters").GetProperty("p").GetDouble(), Is.EqualTo(6.25).Within(0.005));
    }

    [Test]
    public void Fit_of_weighted_donations_counts_the_sum_of_weights()
    {
        var (_, output, _) = Run("clv", "fit", "--model", "bgbb", "--input", GoldenData.PathOf("donations.csv"), "--json");

        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("customers").GetDouble(), Is.EqualTo(11104));
        Assert.That(json.RootElement.GetProperty("logLikelihood").GetDouble(), Is.EqualTo(-33225.6).Within(0.1));
    }

    [Test]
    public void Predict_reads_the_fit_output_and_scores_each_customer()
    {
        var dir = Directory.CreateTempSubdirectory("clv-cli-").FullName;
        var transactions = Path.Combine(dir, "bgnbd.json");
        var spend = Path.Combine(dir, "gg.json");
        File.WriteAllText(transactions, Run("clv", "fit", "--model", "bgnbd", "--input", GoldenData.PathOf("cdnow_customers_summary.csv"), "--json").Output);
        File.WriteAllText(spend, Run("clv", "fit", "--model", "gammagamma", "--input", GoldenData.PathOf("cdnow_customers_summary_with_transactions.csv"), "--json").Output);

        var (code, output, _) = Run("clv", "predict", "--model-file", transactions, "--spend-model-file", spend, "--input", GoldenData.PathOf("cdnow_customers_summary_with_transactions.csv"), "--horizon", "39", "--margin", "0.3", "--discount", "0.002", "--json");

        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.GetProperty("predictions")[0];
        Assert.That(code, Is.EqualTo(0));
        Assert.That(json.RootElement.GetProperty("customers").GetInt32(), Is.EqualTo(2357));
        Assert.That(first.GetProperty("id").GetString(), Is.EqualTo("1"));
        Assert.That(first.GetProperty("expectedTransactions").GetDouble(), Is.EqualTo(1.226).Within(0.0005));
        Assert.That(first.GetProperty("probabilityAlive").GetDouble(), Is.InRange(0, 1));
        Assert.That(first.GetProperty("clv").GetDouble(), Is.GreaterThan(0).And.LessThan(first.GetProperty("expectedTransactions").GetDouble() * first.GetProperty("expectedValue").GetDouble() * 0.3));
        Directory.Delete(dir, true);
    }

    [Test]
    public void Validate_reports_holdout_totals_error_and_correlation()
    {
        var (code, output, _) = Run("clv", "validate", "--model", "bgnbd", "--input", GoldenData.PathOf("CDNOW_sample.txt"), "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30", "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(code, Is.EqualTo(0));
        Assert.That(root.GetProperty("customers").GetInt32(), Is.EqualTo(2357));
        Assert.That(root.GetProperty("holdoutLength").GetDouble(), Is.EqualTo(39).Within(0.01));
        Assert.That(root.GetProperty("actualTotal").GetInt32(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("meanAbsoluteError").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("correlation").GetDouble(), Is.InRange(0.5, 1));
    }

    [Test]
    public void Bad_input_exits_with_code_2_and_a_message_naming_the_column()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "frequency,recency,T\n1,2,10\n2,-4,10\n");

        var (code, output, error) = Run("clv", "fit", "--model", "bgnbd", "--input", file, "--json");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        // The file is streamed: the error names the file's line (the header is line 1).
        Assert.That(error, Does.Contain("recency").And.Contain("line 3").And.Not.Contain("(Parameter"));
        File.Delete(file);
    }

    [Test]
    public void Unknown_model_is_rejected_with_the_list_of_models()
    {
        var (code, _, error) = Run("clv", "fit", "--model", "nbd", "--input", GoldenData.PathOf("cdnow_customers_summary.csv"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("bgnbd").And.Contain("paretonbd"));
    }

    [Test]
    public void Bench_clv_prints_fit_times_distinct_rows_and_scoring_throughput_as_json()
    {
        var (code, output, _) = Run("bench", "clv", "--repeat", "1", "--sizes", "5000", "--pareto-sizes", "2000", "--data-dir", GoldenData.Directory, "--json");

        using var json = JsonDocument.Parse(output);
        var fits = json.RootElement.GetProperty("fits");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(fits.GetArrayLength(), Is.EqualTo(7));
        Assert.That(fits[0].GetProperty("fitMs").GetDouble(), Is.GreaterThan(0));
        Assert.That(fits[0].GetProperty("distinctRows").GetInt32(), Is.LessThan(2357), "CDNOW repeats rows (every zero-repeater with the same T)");
        Assert.That(fits[5].GetProperty("dataset").GetString(), Is.EqualTo("synthetic-5000"));
        Assert.That(fits[6].GetProperty("model").GetString(), Is.EqualTo("paretonbd"));
        foreach (var i in new[] { 5, 6 })
        {
            // Continuous T and recency, as real exports: distinct rows are at least 85 % of the customers.
            Assert.That(fits[i].GetProperty("distinctRows").GetInt32(), Is.GreaterThanOrEqualTo(0.85 * fits[i].GetProperty("customers").GetDouble()));
            Assert.That(fits[i].GetProperty("converged").GetBoolean(), Is.True);
        }

        Assert.That(json.RootElement.GetProperty("scoring")[0].GetProperty("customersPerSecond").GetDouble(), Is.GreaterThan(0));
        Assert.That(json.RootElement.GetProperty("peakWorkingSetBytes").GetInt64(), Is.GreaterThan(0));
    }

    [Test]
    public void Bench_clv_times_the_fits_of_any_summary_file()
    {
        var (code, output, _) = Run("bench", "clv", "--repeat", "1", "--input", GoldenData.PathOf("cdnow_customers_summary.csv"), "--models", "bgnbd,paretonbd", "--json");

        using var json = JsonDocument.Parse(output);
        var fits = json.RootElement.GetProperty("fits");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(fits.GetArrayLength(), Is.EqualTo(2));
        Assert.That(fits[0].GetProperty("dataset").GetString(), Is.EqualTo("cdnow_customers_summary.csv"));
        Assert.That(fits[0].GetProperty("customers").GetDouble(), Is.EqualTo(2357));
        Assert.That(fits[1].GetProperty("parameters").GetProperty("beta").GetDouble(), Is.EqualTo(11.669).Within(0.05));
        Assert.That(fits[0].GetProperty("distinctRows").GetInt32(), Is.EqualTo(1016));
        // Reading the file is reported beside the fits (a user waits for both), and the process's peak memory.
        Assert.That(json.RootElement.GetProperty("inputLoadMs").GetDouble(), Is.GreaterThan(0));
        Assert.That(json.RootElement.GetProperty("inputLoadCpuMs").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(json.RootElement.GetProperty("peakWorkingSetBytes").GetInt64(), Is.GreaterThan(0));
    }

    [Test]
    public void Fit_of_data_whose_likelihood_has_no_maximum_exits_2_naming_the_cause()
    {
        // Every customer bought again but all repeat purchases are at recency 0: BG/NBD's likelihood grows without
        // bound as alpha → 0 (the dropout term (alpha + t_x)^-(r+x) with t_x = 0).
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "frequency,recency,T\n2,0,10\n3,0,12\n1,0,8\n4,0,20\n");

        var (code, output, error) = Run("clv", "fit", "--model", "bgnbd", "--input", file, "--json");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("no maximum").And.Contain("alpha goes to 0").And.Not.Contain("5E-324"));
        File.Delete(file);
    }

    [Test]
    public void Predict_refuses_a_model_file_from_a_fit_without_a_maximum()
    {
        var dir = Directory.CreateTempSubdirectory("clv-cli-").FullName;
        var unconverged = Path.Combine(dir, "unconverged.json");
        var boundary = Path.Combine(dir, "boundary.json");
        File.WriteAllText(unconverged, "{\"model\":\"bgnbd\",\"parameters\":{\"r\":2.1,\"alpha\":5E-324,\"a\":0.4,\"b\":3},\"converged\":false}");
        File.WriteAllText(boundary, "{\"model\":\"bgnbd\",\"parameters\":{\"r\":2.1,\"alpha\":1E-200,\"a\":0.4,\"b\":3}}");

        var first = Run("clv", "predict", "--model-file", unconverged, "--input", GoldenData.PathOf("cdnow_customers_summary.csv"), "--horizon", "39");
        var second = Run("clv", "predict", "--model-file", boundary, "--input", GoldenData.PathOf("cdnow_customers_summary.csv"), "--horizon", "39");

        Assert.That(first.Code, Is.EqualTo(2));
        Assert.That(first.Error, Does.Contain("did not converge"));
        Assert.That(second.Code, Is.EqualTo(2));
        Assert.That(second.Error, Does.Contain("'alpha'").And.Contain("no maximum").And.Not.Contain("(Parameter"));
        Directory.Delete(dir, true);
    }

    [Test]
    public void Summary_with_an_unterminated_quote_is_rejected_with_its_line_and_column()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "frequency,recency,T\n1,2,30\n1,2,\"30,38\n");

        var (code, _, error) = Run("clv", "fit", "--model", "bgnbd", "--input", file);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("Line 3, column 5").And.Contain("never closed").And.Not.Contain("(Parameter"));
        File.Delete(file);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ClvCommand.Create());
        var bench = new Command("bench");
        bench.Subcommands.Add(BenchClvCommand.Create());
        root.Subcommands.Add(bench);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
