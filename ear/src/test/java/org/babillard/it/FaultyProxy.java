package org.babillard.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy for fault tests, put between Babillard and a server it depends on (the directory). It passes the
 * bytes through, or plays one of the ways a server fails:
 * <ul>
 *     <li>{@link #refuse()}: the port is closed, so connecting is refused at once;</li>
 *     <li>{@link #blackHole()}: connections are accepted and whatever is sent is swallowed, never answered (a
 *     firewall that drops packets, a hung server);</li>
 *     <li>{@link #slow(Duration)}: every chunk, both ways, waits this long before it goes on;</li>
 *     <li>{@link #pass()}: back to normal.</li>
 * </ul>
 * Refusing or black-holing also cuts the connections open through the proxy, as a server that went away would,
 * so that the client's pooled connections see the fault too. Plain blocking sockets, one thread per direction.
 */
public final class FaultyProxy implements AutoCloseable {

    private enum Mode { PASS, REFUSE, BLACK_HOLE, SLOW }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "faulty-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Mode mode = Mode.PASS;
    private volatile long delayMillis;
    /** Listening while the mode is not REFUSE; guarded by this. */
    private ServerSocket listener;

    /** A proxy in front of host:port, passing through, on a free port of the loopback address. */
    public FaultyProxy(String host, int targetPort) throws IOException {
        this.target = new InetSocketAddress(host, targetPort);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    /** The port Babillard should connect to. */
    public int port() {
        return port;
    }

    public synchronized void pass() throws IOException {
        Mode before = mode;
        mode = Mode.PASS;
        if (before == Mode.BLACK_HOLE) {
            // Connections that fell into the hole never got an answer: they end with it.
            cutAll();
        }
        reopen();
    }

    public synchronized void refuse() throws IOException {
        mode = Mode.REFUSE;
        stopListening();
        cutAll();
    }

    public synchronized void blackHole() throws IOException {
        mode = Mode.BLACK_HOLE;
        reopen();
        cutAll();
    }

    public synchronized void slow(Duration delay) throws IOException {
        delayMillis = delay.toMillis();
        mode = Mode.SLOW;
        reopen();
    }

    @Override
    public synchronized void close() throws IOException {
        refuse();
        threads.shutdownNow();
    }

    private void stopListening() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    private void reopen() throws IOException {
        if (listener == null) {
            listener = listen(port);
        }
    }

    private ServerSocket listen(int on) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
        threads.execute(() -> accept(socket));
        return socket;
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(client);
            threads.execute(() -> serve(client));
        }
    }

    private void serve(Socket client) {
        if (mode == Mode.BLACK_HOLE) {
            swallow(client);
            return;
        }
        Socket server = new Socket();
        open.add(server);
        try {
            server.connect(target, 5000);
        } catch (IOException e) {
            close(server);
            close(client);
            return;
        }
        threads.execute(() -> pump(client, server));
        pump(server, client);
    }

    /** Reads and forgets everything, answers nothing, until the connection is cut. */
    private void swallow(Socket client) {
        byte[] buffer = new byte[8192];
        try (InputStream in = client.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // into the hole
            }
        } catch (IOException cut) {
            // the end of the connection
        } finally {
            close(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (mode == Mode.SLOW) {
                    Thread.sleep(delayMillis);
                }
                if (mode == Mode.BLACK_HOLE) {
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException cut) {
            // one side went away, or the proxy is closing
        } finally {
            close(from);
            close(to);
        }
    }

    private void cutAll() {
        for (Socket socket : Set.copyOf(open)) {
            close(socket);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
