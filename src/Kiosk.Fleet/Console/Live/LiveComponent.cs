using Microsoft.AspNetCore.Components;

namespace Kiosk.Fleet.Web.Live;

/// <summary>
/// Base of a live (interactive server) component: <see cref="Live"/> registers a refresh that runs on
/// the component's renderer for each matching <see cref="FleetChange"/>, never two at once (changes
/// arriving meanwhile fold into one more run), then re-renders. A refresh that throws goes to the
/// renderer like any component exception. The subscription ends with the component; a component releases its own things in <see cref="DisposeAsyncCore"/>.
/// </summary>
/// <example><code>
/// @inherits LiveComponent
/// protected override async Task OnInitializedAsync() { await LoadAsync(); Live(c => c.Touches(FleetChangeKinds.Status), LoadAsync); }
/// </code></example>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private bool _disposed;

    [Inject]
    private FleetChanges Changes { get; set; } = null!;

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var s in _subscriptions)
        {
            s.Dispose();
        }

        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="refresh"/> (then renders) whenever a change matching <paramref name="filter"/> is committed.</summary>
    protected void Live(Func<FleetChange, bool> filter, Func<Task> refresh)
    {
        var feed = new Feed(this, filter, refresh);
        lock (_gate)
        {
            if (!_disposed)
            {
                _subscriptions.Add(Changes.Subscribe(feed.OnChange));
            }
        }
    }

    /// <summary>Releases what the component holds besides its live feed (a JS module...).</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private bool Disposed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }

    private sealed class Feed(LiveComponent owner, Func<FleetChange, bool> filter, Func<Task> refresh)
    {
        private readonly Lock _gate = new();
        private bool _running;
        private bool _again;

        public void OnChange(FleetChange change)
        {
            if (!filter(change) || owner.Disposed)
            {
                return;
            }

            lock (_gate)
            {
                if (_running)
                {
                    _again = true;
                    return;
                }

                _running = true;
            }

            _ = RunAsync();
        }

        private async Task RunAsync()
        {
            do
            {
                try
                {
                    await owner.InvokeAsync(async () =>
                    {
                        await refresh().ConfigureAwait(true);
                        owner.StateHasChanged();
                    }).ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return; // The circuit ended between the change and the refresh.
                }
                catch (Exception e)
                {
                    lock (_gate)
                    {
                        _running = false;
                        _again = false;
                    }

                    await owner.DispatchExceptionAsync(e).ConfigureAwait(false);
                    return;
                }
            }
            while (Continue());
        }

        private bool Continue()
        {
            lock (_gate)
            {
                if (_again && !owner.Disposed)
                {
                    _again = false;
                    return true;
                }

                _running = false;
                return false;
            }
        }
    }
}
