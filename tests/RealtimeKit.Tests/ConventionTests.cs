using System.Reflection;
using System.Xml.Linq;

namespace RealtimeKit.Tests;

/// <summary>Rules of the public surface, checked by reflection so they hold as the SDK grows.</summary>
public class ConventionTests
{
    private static readonly Assembly Facade = typeof(RealtimeKitClient).Assembly;

    private static IEnumerable<MethodInfo> PublicMethods() =>
        Facade.GetExportedTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => (m.IsPublic || m.IsFamily) && !m.IsSpecialName);

    [Fact]
    public void Every_public_async_method_takes_a_CancellationToken_last_and_ends_in_Async()
    {
        var asyncMethods = PublicMethods().Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)).ToList();

        Assert.NotEmpty(asyncMethods);
        Assert.All(asyncMethods, m =>
        {
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
            Assert.Equal(typeof(CancellationToken), m.GetParameters().LastOrDefault()?.ParameterType);
        });
    }

    [Fact]
    public void Every_public_operation_of_the_clients_is_virtual_for_mocking()
    {
        // Every client of the facade, found by name, so a new group's client is covered without a list here.
        var clients = Facade.GetExportedTypes().Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal)).ToList();
        Assert.True(clients.Count >= 11, string.Join(", ", clients.Select(c => c.Name)));

        foreach (var type in clients)
        {
            Assert.Contains(type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily && c.GetParameters().Length == 0);
            var members = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m =>
                typeof(Task).IsAssignableFrom(m.ReturnType)
                || m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)
                || m.IsSpecialName && m.Name.StartsWith("get_", StringComparison.Ordinal));
            Assert.All(members, m => Assert.True(m.IsVirtual && !m.IsFinal, $"{type.Name}.{m.Name} is not virtual"));
        }
    }

    [Fact]
    public void Every_public_member_has_xml_documentation()
    {
        var xml = XDocument.Load(Path.ChangeExtension(Facade.Location, ".xml"));
        var documented = xml.Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var type in Facade.GetExportedTypes())
        {
            if (!documented.Contains("T:" + type.FullName))
            {
                missing.Add("T:" + type.FullName);
            }

            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))))
            {
                var prefix = member switch
                {
                    PropertyInfo => "P:",
                    FieldInfo => "F:",
                    MethodInfo m when !m.IsSpecialName => "M:",
                    ConstructorInfo => "M:",
                    _ => null,
                };
                var name = member is ConstructorInfo ? "#ctor" : member.Name;
                if (prefix is not null && !documented.Any(d => d.StartsWith($"{prefix}{type.FullName}.{name}", StringComparison.Ordinal)))
                {
                    missing.Add($"{prefix}{type.FullName}.{name}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Public_exceptions_are_the_four_the_docs_describe_under_one_base()
    {
        var exceptions = Facade.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.Equal(
            ["RealtimeKitClientException", "RealtimeKitConnectionException", "RealtimeKitException", "RealtimeKitTimeoutException"],
            exceptions.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(exceptions, t => Assert.True(typeof(RealtimeKitClientException).IsAssignableFrom(t), $"{t.Name} does not derive from RealtimeKitClientException"));
    }
}
