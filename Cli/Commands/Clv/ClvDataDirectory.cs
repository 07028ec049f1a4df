using System;
using System.IO;

namespace Rapport.Cli.Commands.Clv;

/// <summary>Finds the golden CLV datasets: &lt;repo&gt;/data/clv, the repo being the first folder up holding VERSION or Extension.sln.</summary>
public static class ClvDataDirectory
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VERSION")) || File.Exists(Path.Combine(dir.FullName, "Extension.sln")))
                {
                    var data = Path.GetFullPath(Path.Combine(dir.FullName, "data", "clv"));
                    if (Directory.Exists(data))
                    {
                        return data;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException("CLV datasets not found: expected <repo>/data/clv; pass --data-dir.");
    }
}
