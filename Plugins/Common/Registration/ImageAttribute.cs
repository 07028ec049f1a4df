using System;

namespace Rapport.Plugins.Registration;

/// <summary>
/// A pre or post entity image for the steps of one message (and optionally one stage) declared on the same class.
/// Attributes is a comma-separated column list; the plugin may rely on exactly these columns.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImageAttribute : Attribute
{
    public ImageAttribute(string message, ImageKind kind, string alias, string attributes)
    {
        Message = message;
        Kind = kind;
        Alias = alias;
        Attributes = attributes;
    }

    public string Message { get; }

    public ImageKind Kind { get; }

    /// <summary>The key in PreEntityImages / PostEntityImages.</summary>
    public string Alias { get; }

    public string Attributes { get; }

    /// <summary>0: every declared stage of the message; else only the step of that stage.</summary>
    public int Stage { get; set; }
}
