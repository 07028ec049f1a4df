using System;

namespace Rapport.Domain.Clv;

/// <summary>Bad CLV input (a column, row or argument that cannot be used); the message names what is wrong and where.</summary>
public sealed class ClvInputException : ArgumentException
{
    public ClvInputException(string message)
        : base(message)
    {
    }

    public ClvInputException(string message, string paramName)
        : base(message, paramName)
    {
    }
}
