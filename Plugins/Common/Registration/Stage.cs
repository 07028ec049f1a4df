namespace Rapport.Plugins.Registration;

/// <summary>Pipeline stages a step can be registered in (sdkmessageprocessingstep.stage).</summary>
public enum Stage
{
    PreValidation = 10,
    PreOperation = 20,
    /// <summary>Custom API main operation: set by the platform, never registered as a step.</summary>
    MainOperation = 30,
    PostOperation = 40,
}

/// <summary>sdkmessageprocessingstep.mode. Asynchronous is allowed only in PostOperation.</summary>
public enum StepMode
{
    Synchronous = 0,
    Asynchronous = 1,
}

/// <summary>sdkmessageprocessingstepimage.imagetype.</summary>
public enum ImageKind
{
    PreImage = 0,
    PostImage = 1,
    Both = 2,
}
