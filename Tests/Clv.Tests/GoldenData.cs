using System.Collections.Generic;
using System.IO;
using Rapport.Domain.Clv.Data;

namespace Rapport.Clv.Tests;

/// <summary>The public CLV research datasets the repository carries in &lt;repo&gt;/data/clv (provenance in its README).</summary>
internal static class GoldenData
{
    public static string Directory { get; } = Locate();

    public static string PathOf(string file) => Path.Combine(Directory, file);

    public static List<CustomerSummary> CdnowSummary() => SummaryCsv.Read(PathOf("cdnow_customers_summary.csv"));

    public static List<CustomerSummary> CdnowSpend() => SummaryCsv.Read(PathOf("cdnow_customers_summary_with_transactions.csv"));

    public static List<CustomerSummary> Donations() => SummaryCsv.Read(PathOf("donations.csv"));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extension.sln")) || File.Exists(Path.Combine(dir.FullName, "VERSION")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "data", "clv"));
            }
        }

        throw new DirectoryNotFoundException("Repository root (VERSION or Extension.sln) not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
