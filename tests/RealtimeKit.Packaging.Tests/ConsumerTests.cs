using RealtimeKit.Emulator;

namespace RealtimeKit.Packaging.Tests;

/// <summary>
/// Fresh projects outside the repository take the SDK from the local feed, as a team would, and are built and run:
/// a net8.0 console app with dependency injection that pins Microsoft.Extensions.Http 8.0.1 (no NU1605), a test
/// project that starts the emulator from the testing package, a netstandard2.0 and .NET Framework 4.6.2 library,
/// and the rtk tool installed as a local tool.
/// </summary>
[Collection(PackageFeedGroup.Name)]
public sealed class ConsumerTests(PackageFeed feed)
{
    // One workspace (and so one packages folder) for the four consumers: each package is restored once per run.
    private readonly ConsumerWorkspace _workspace = feed.Workspace;

    // Only the .NET 10 runtime is installed here; a net8.0 app rolls forward onto it, as it may on any machine.
    private static readonly Dictionary<string, string> RollForward = new() { ["DOTNET_ROLL_FORWARD"] = "Major" };

    [Fact]
    public async Task A_net8_console_app_with_dependency_injection_restores_builds_and_calls_the_api()
    {
        await using var emulator = await RealtimeKitEmulator.StartAsync();
        var meeting = await emulator.Control.CreateMeetingAsync("Packaged");
        var folder = _workspace.Write("console", new Dictionary<string, string>
        {
            ["console.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net8.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{feed.Id("RealtimeKit")}" Version="{feed.Version}" />
                    <!-- What a net8.0 service already pins: the SDK must not force it higher (NU1605). -->
                    <PackageReference Include="Microsoft.Extensions.Http" Version="8.0.1" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="8.0.1" />
                  </ItemGroup>
                </Project>
                """,
            ["Program.cs"] = """
                using Microsoft.Extensions.DependencyInjection;
                using RealtimeKit;

                var services = new ServiceCollection();
                // AccountId, AppId, ApiToken and BaseUrl come from the CLOUDFLARE_* environment variables.
                services.AddRealtimeKit(options => options.MaxRetries = 0);
                await using var provider = services.BuildServiceProvider();
                var client = provider.GetRequiredService<RealtimeKitClient>();
                var meeting = await client.Meetings.GetAsync(args[0]);
                Console.WriteLine($"meeting: {meeting.Title}");
                """,
        });

        var environment = new Dictionary<string, string>(RollForward)
        {
            [RealtimeKitClientOptions.BaseUrlVariable] = emulator.BaseUrl.ToString(),
            [RealtimeKitClientOptions.ApiTokenVariable] = emulator.ApiToken,
            [RealtimeKitClientOptions.AccountIdVariable] = emulator.AccountId,
            [RealtimeKitClientOptions.AppIdVariable] = emulator.AppId,
        };
        var output = _workspace.Dotnet(folder, environment, "run", "--", meeting.Id);

        Assert.Contains("meeting: Packaged", output, StringComparison.Ordinal);
        Assert.DoesNotContain("NU1605", output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_workspace.Packages, feed.Id("RealtimeKit").ToLowerInvariant(), feed.Version.ToLowerInvariant())), "The SDK was not restored into the workspace's own packages folder.");
    }

    [Fact]
    public void A_test_project_starts_the_emulator_from_the_testing_package()
    {
        var folder = _workspace.Write("tests", new Dictionary<string, string>
        {
            ["tests.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <IsPackable>false</IsPackable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{feed.Id("RealtimeKit.Testing")}" Version="{feed.Version}" />
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                    <PackageReference Include="xunit" Version="2.9.3" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                  </ItemGroup>
                </Project>
                """,
            ["MeetingTests.cs"] = """
                using RealtimeKit.Emulator;
                using RealtimeKit.Generated.Models;
                using Xunit;

                public class MeetingTests
                {
                    [Fact]
                    public async Task A_participant_joins_a_meeting()
                    {
                        await using var emulator = await RealtimeKitEmulator.StartAsync();
                        var meeting = await emulator.Client.Meetings.CreateAsync(new CreateMeetingBody { Title = "Stand-up" });
                        var ada = await emulator.Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", name: "Ada");
                        await emulator.Control.JoinAsync(ada.Token!);

                        var live = await emulator.Client.ActiveSession.GetAsync(meeting.Id);

                        Assert.Equal(1d, live.LiveParticipants);
                    }
                }
                """,
        });

        var output = _workspace.Dotnet(folder, null, "test");

        Assert.Contains("Passed!", output, StringComparison.Ordinal);
        Assert.Contains("Passed:     1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_netstandard2_0_and_net462_library_builds_against_the_sdk()
    {
        var folder = _workspace.Write("library", new Dictionary<string, string>
        {
            ["library.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>netstandard2.0;net462</TargetFrameworks>
                    <LangVersion>latest</LangVersion>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <!-- Kiota asks .NET Framework for System.Net.Http.WinHttpHandler 10.0.0, which the feed here
                         may not serve; NuGet then takes the next version, and says so (NU1603). -->
                    <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{feed.Id("RealtimeKit")}" Version="{feed.Version}" />
                  </ItemGroup>
                </Project>
                """,
            ["Attendance.cs"] = """
                using System;
                using System.Threading.Tasks;
                using RealtimeKit;

                public static class Attendance
                {
                    public static async Task<int> CountAsync(RealtimeKitClient client, string meetingId)
                    {
                        var count = 0;
                        await foreach (var participant in client.Participants.ListAllAsync(meetingId))
                        {
                            count++;
                        }

                        // On netstandard2.0 the day-wise range is given as DateTime (only the date is sent).
                        await client.Analytics.GetDaywiseAsync(new DateTime(2026, 11, 1), new DateTime(2026, 11, 27));
                        return count;
                    }
                }
                """,
        });

        var output = _workspace.Dotnet(folder, null, "build");

        Assert.Contains("library.dll", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "bin", "Debug", "netstandard2.0", "library.dll")));
        Assert.True(File.Exists(Path.Combine(folder, "bin", "Debug", "net462", "RealtimeKit.dll")), "The .NET Framework build did not copy the SDK.");
    }

    [Fact]
    public void The_rtk_tool_installs_as_a_local_tool_and_runs()
    {
        var folder = _workspace.Write("tool", new Dictionary<string, string>
        {
            [".config/dotnet-tools.json"] = """{ "version": 1, "isRoot": true, "tools": {} }""",
        });

        // The CLI remembers where each installed tool version lives (its tool resolver cache, under the CLI's home):
        // a home of the workspace's own, so a version installed by an earlier run, since deleted, is never looked up.
        var home = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = Path.Combine(_workspace.Root, ".dotnet-home") };
        _workspace.Dotnet(folder, home, "tool", "install", feed.Id("RealtimeKit.Cli"), "--version", feed.Version);
        var help = _workspace.Dotnet(folder, home, "tool", "run", "rtk", "--", "--help");
        var demo = _workspace.Dotnet(folder, home, "tool", "run", "rtk", "--", "demo");

        Assert.Contains("emulator", help, StringComparison.Ordinal);
        Assert.Contains("Emulator started at http://127.0.0.1:", demo, StringComparison.Ordinal);
    }
}
