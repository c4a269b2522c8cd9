namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>The maintenance walkthrough's cabin-heat exercise (docs/maintenance.md), run as written against the real service and the real kioskctl.</summary>
public sealed class ClimateWalkthroughTests
{
    [Fact]
    public async Task ReadmeCabinHeatExercise_AsWritten_ShowsHeatAlarmAndItsEnd()
    {
        var exercise = ReadmeExercise.Load("A third exercise: a hot cabin.");
        Assert.Contains(exercise.Steps, s => s.Expected.Count > 0);
        await using var kiosk = await ServiceProcess.StartAsync(KioskSettings.Isolated(), cancellationToken: TestContext.Current.CancellationToken);

        foreach (var step in exercise.Steps)
        {
            // Output the README shows may take a few samples to appear (the demo kiosk samples every
            // 2 s and raises after 4 s): repeat the command until it does.
            var run = await Eventually.WaitAsync(
                async () =>
                {
                    var r = await kiosk.CtlAsync(step.Arguments);
                    Assert.True(r.ExitCode == 0, $"{step}: {r}");
                    var output = ReadmeExercise.Normalize(r.Stdout);
                    return step.Expected.All(e => output.Contains(e, StringComparison.Ordinal)) ? r : null;
                },
                TimeSpan.FromSeconds(45),
                $"'{step}' to print: {string.Join(" / ", step.Expected)}");
            Assert.Equal(0, run.ExitCode);
        }
    }
}
