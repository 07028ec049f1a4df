using System;

namespace Rapport.Domain.Clv;

/// <summary>A numerical routine could not produce a finite answer; raised instead of ever returning NaN.</summary>
public sealed class ClvNumericException : ArithmeticException
{
    public ClvNumericException(string message)
        : base(message)
    {
    }
}
