using System.Runtime.CompilerServices;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>Process-wide settings for the test run, applied before any test host starts.</summary>
internal static class TestRunSettings
{
    /// <summary>
    /// The suite starts hundreds of app instances; each would hold inotify watchers (configuration reload, static-file
    /// versions) until disposed, and the machine-wide limit is 128 per user — shared with every other .NET process of
    /// the same user. Polling watchers need no inotify instance.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before the first host is built, whatever test runs first.")]
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
