using System;

namespace Rapport.Domain.Clv;

/// <summary>
/// Bad CLV input (a column, row or argument that cannot be used); the message names what is wrong and where.
/// <see cref="ArgumentException.ParamName"/> names the offending column or option for code, but the message shown to
/// people stays the plain sentence (no " (Parameter 'x')" suffix that ArgumentException would append).
/// </summary>
public sealed class ClvInputException : ArgumentException
{
    private readonly string text;

    public ClvInputException(string message)
        : base(message)
    {
        text = message;
    }

    public ClvInputException(string message, string paramName)
        : base(message, paramName)
    {
        text = message;
    }

    public override string Message => text;
}
