namespace Rapport.Domain.Clv.Numerics;

/// <summary>
/// A value with its partial derivatives with respect to three inputs (a, b, z): forward-mode differentiation, so a
/// series or continued fraction written with it yields the exact derivatives of what it computes.
/// </summary>
internal readonly struct Dual3
{
    public Dual3(double value, double da, double db, double dz)
    {
        V = value;
        A = da;
        B = db;
        Z = dz;
    }

    public double V { get; }

    public double A { get; }

    public double B { get; }

    public double Z { get; }

    public static Dual3 Constant(double v) => new(v, 0, 0, 0);

    public static Dual3 operator +(Dual3 x, Dual3 y) => new(x.V + y.V, x.A + y.A, x.B + y.B, x.Z + y.Z);

    public static Dual3 operator +(Dual3 x, double y) => new(x.V + y, x.A, x.B, x.Z);

    public static Dual3 operator +(double x, Dual3 y) => new(x + y.V, y.A, y.B, y.Z);

    public static Dual3 operator -(Dual3 x, Dual3 y) => new(x.V - y.V, x.A - y.A, x.B - y.B, x.Z - y.Z);

    public static Dual3 operator -(double x, Dual3 y) => new(x - y.V, -y.A, -y.B, -y.Z);

    public static Dual3 operator *(Dual3 x, Dual3 y) =>
        new(x.V * y.V, (x.A * y.V) + (x.V * y.A), (x.B * y.V) + (x.V * y.B), (x.Z * y.V) + (x.V * y.Z));

    public static Dual3 operator *(Dual3 x, double y) => new(x.V * y, x.A * y, x.B * y, x.Z * y);

    public static Dual3 operator /(Dual3 x, Dual3 y)
    {
        var q = x.V / y.V;
        return new(q, (x.A - (q * y.A)) / y.V, (x.B - (q * y.B)) / y.V, (x.Z - (q * y.Z)) / y.V);
    }

    public static Dual3 operator /(Dual3 x, double y) => new(x.V / y, x.A / y, x.B / y, x.Z / y);

    public static Dual3 operator /(double x, Dual3 y)
    {
        var q = x / y.V;
        var f = -q / y.V;
        return new(q, f * y.A, f * y.B, f * y.Z);
    }
}
