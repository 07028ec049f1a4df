using System;

namespace Microsoft.Xrm.Sdk.Extensions;

public static class ServiceProviderExtensions
{
    // Like the real one: a plain cast of GetService, so a missing service comes back as null.
    public static T Get<T>(this IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new ArgumentNullException(nameof(serviceProvider));
        }

        return (T)serviceProvider.GetService(typeof(T))!;
    }

    public static IOrganizationService GetOrganizationService(this IServiceProvider serviceProvider, Guid id) =>
        serviceProvider.Get<IOrganizationServiceFactory>().CreateOrganizationService(id);
}
