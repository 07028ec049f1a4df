using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Rapport.Solution.Tests;

/// <summary>
/// One file of ExportShapes/: the children (in export order), attributes and value formats one component type has in
/// real exported solutions. Problems lists every way a packed element departs from it.
/// </summary>
internal sealed partial class ExportShape
{
    private ExportShape(XElement shape)
    {
        Part = (string)shape.Attribute("part")!;
        At = (string)shape.Attribute("at")!;
        OnlyNamed = (string?)shape.Attribute("only-named");
        Attributes = shape.Elements("attr").Select(Field.Of).ToList();
        Children = shape.Elements("child").Select(Field.Of).ToList();
    }

    /// <summary>The zip entries it applies to; * stands for one path segment.</summary>
    public string Part { get; }

    /// <summary>"." the part's root; "a/b" a path below the root; "//a/b" every b whose parent is an a.</summary>
    public string At { get; }

    /// <summary>When set, only elements whose Name attribute starts with it (Rapport's own tables, not the shells of standard ones).</summary>
    public string? OnlyNamed { get; }

    public IReadOnlyList<Field> Attributes { get; }

    public IReadOnlyList<Field> Children { get; }

    public static ExportShape Load(string path) => new(XDocument.Load(path).Root!);

    public bool AppliesTo(string entryName) =>
        Regex.IsMatch(entryName, "^" + string.Join("[^/]+", Part.Split('*').Select(Regex.Escape)) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    public IEnumerable<XElement> Select(XElement root)
    {
        IEnumerable<XElement> found;
        if (At == ".")
        {
            found = [root];
        }
        else if (At.StartsWith("//", StringComparison.Ordinal))
        {
            var names = At[2..].Split('/');
            found = root.Descendants().Where(e => e.Name.LocalName == names[^1] && (names.Length == 1 || e.Parent?.Name.LocalName == names[^2]));
        }
        else
        {
            found = [root];
            foreach (var name in At.Split('/'))
            {
                found = found.SelectMany(e => e.Elements()).Where(e => e.Name.LocalName == name).ToList();
            }
        }

        return OnlyNamed is null ? found : found.Where(e => ((string?)e.Attribute("Name") ?? "").StartsWith(OnlyNamed, StringComparison.Ordinal));
    }

    /// <summary>Every departure of one packed element from the shape, as "element: problem".</summary>
    public IEnumerable<string> Problems(XElement element)
    {
        var where = Path(element);
        foreach (var problem in AttributeProblems(element, Attributes))
        {
            yield return $"{where}: {problem}";
        }

        var names = Children.Select(c => c.Name).ToList();
        var last = -1;
        foreach (var child in element.Elements())
        {
            var index = names.IndexOf(child.Name.LocalName);
            if (index < 0)
            {
                yield return $"{where}: <{child.Name.LocalName}> does not occur here in real exports";
                continue;
            }

            if (index < last)
            {
                yield return $"{where}: <{child.Name.LocalName}> comes after <{names[last]}>; exports write it before";
            }

            last = Math.Max(last, index);
            var field = Children[index];
            if (!Matches(child, field.Format))
            {
                yield return $"{where}: <{child.Name.LocalName}> is '{Shorten(child)}', exports write {field.Format}";
            }

            foreach (var problem in AttributeProblems(child, field.Attributes, strict: field.Attributes.Count > 0))
            {
                yield return $"{where}/{child.Name.LocalName}: {problem}";
            }
        }

        foreach (var missing in Children.Where(c => c.Required && element.Elements().All(e => e.Name.LocalName != c.Name)))
        {
            yield return $"{where}: <{missing.Name}> is missing; every export has it";
        }
    }

    private static IEnumerable<string> AttributeProblems(XElement element, IReadOnlyList<Field> fields, bool strict = true)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.NamespaceName.Length == 0))
        {
            var field = fields.FirstOrDefault(f => f.Name == attribute.Name.LocalName);
            if (field is null)
            {
                if (strict)
                {
                    yield return $"attribute {attribute.Name.LocalName} does not occur in real exports";
                }
            }
            else if (!MatchesValue(attribute.Value, field.Format))
            {
                yield return $"attribute {attribute.Name.LocalName}='{attribute.Value}', exports write {field.Format}";
            }
        }

        foreach (var missing in fields.Where(f => f.Required && element.Attribute(f.Name) is null))
        {
            yield return $"attribute {missing.Name} is missing; every export has it";
        }
    }

    private static bool Matches(XElement element, string format) => format switch
    {
        "container" => element.Nodes().OfType<XText>().All(t => string.IsNullOrWhiteSpace(t.Value)),
        "labels" => Matches(element, "container") && element.Elements().All(IsLabel),
        "localized" => element.Attribute("default") is not null && element.Elements().All(e => e.Name.LocalName == "label" && IsLabel(e)),
        _ => !element.HasElements && MatchesValue(element.Value, format),
    };

    private static bool IsLabel(XElement label) =>
        label.Attribute("description") is not null && int.TryParse((string?)label.Attribute("languagecode"), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool MatchesValue(string value, string format) => format switch
    {
        "flag" => value is "0" or "1",
        "int" => IntPattern().IsMatch(value),
        "number" => NumberPattern().IsMatch(value),
        "guid" => Guid.TryParseExact(value, "D", out _),
        "braced-guid" => Guid.TryParseExact(value, "B", out _),
        "version" => VersionPattern().IsMatch(value),
        "text" => true,
        "empty" => value.Length == 0,
        _ when format.StartsWith("enum:", StringComparison.Ordinal) => format[5..].Split('|').Contains(value, StringComparer.Ordinal),
        _ => throw new ArgumentException($"Unknown format '{format}' in a shape file.", nameof(format)),
    };

    private static string Shorten(XElement element) => element.HasElements ? $"<{element.Elements().First().Name.LocalName} …>" : element.Value.Length > 40 ? element.Value[..40] + "…" : element.Value;

    private static string Path(XElement element) => string.Join("/", element.AncestorsAndSelf().Reverse().Select(e =>
    {
        var key = (string?)e.Attribute("Name") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("PhysicalName") ?? (string?)e.Attribute("uniquename");
        return key is null ? e.Name.LocalName : $"{e.Name.LocalName}[{key}]";
    }));

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\d+(\.\d+){1,3}$")]
    private static partial Regex VersionPattern();

    /// <summary>One child or attribute of a shape: its name, value format, whether exports always carry it, its own attributes.</summary>
    internal sealed record Field(string Name, string Format, bool Required, IReadOnlyList<Field> Attributes)
    {
        public static Field Of(XElement element) =>
            new((string)element.Attribute("name")!, (string)element.Attribute("format")!, (string?)element.Attribute("required") == "true",
                element.Elements("attr").Select(Of).ToList());
    }
}
