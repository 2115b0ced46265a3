using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// A TCP relay to the suite's PostgreSQL that a test can cut and restore: a connection that breaks mid-work, as when the
/// database server dies, without stopping the server every other class shares. While cut, open connections are reset and
/// new ones are closed at once.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Task _accepting;
    private volatile bool _cut;

    public CuttableProxy(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The connection string <paramref name="connectionString"/> led through this relay.</summary>
    public string Through(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public void Cut()
    {
        _cut = true;
        foreach (var client in _open.Keys)
        {
            try
            {
                // A reset, as a dying server's host sends, rather than an orderly close.
                client.Client?.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // The relay closed this side itself a moment ago.
            }

            client.Dispose();
        }
    }

    public void Restore() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                incoming.Dispose();
                continue;
            }

            _ = RelayAsync(incoming);
        }
    }

    private async Task RelayAsync(TcpClient incoming)
    {
        using var outgoing = new TcpClient();
        _open[incoming] = 0;
        _open[outgoing] = 0;
        try
        {
            await outgoing.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = incoming.GetStream().CopyToAsync(outgoing.GetStream(), both.Token);
            var down = outgoing.GetStream().CopyToAsync(incoming.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut or a closed side ends the relay; the other side is closed below.
        }
        finally
        {
            _open.TryRemove(incoming, out _);
            _open.TryRemove(outgoing, out _);
            incoming.Dispose();
        }
    }
}
