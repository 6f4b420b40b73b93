package jp.kosmo.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that takes its time, in front of the test framework's GreenMail: a TCP relay on 127.0.0.1 that
 * greets each SMTP connection only after {@link #delay} (Keycloak opens one connection per mail, so every mail takes
 * at least that long to be accepted), then passes everything through both ways. {@link #stop} closes the port, so
 * Keycloak's connection is refused as by a mail server that is down; {@link #start} listens on the same port again.
 * Point the realm at it with {@link #smtpOf}. No sleeping: a delayed connection waits on a timer.
 */
public final class SlowSmtp implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("slow-smtp-timer"));
    private final ExecutorService pipes = Executors.newCachedThreadPool(daemon("slow-smtp-pipe"));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long delayMillis;
    private volatile ServerSocket server;
    private int port;

    private SlowSmtp(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A relay to the mail server of {@code smtp} (a realm's SMTP settings: host, port), listening at once. */
    public static SlowSmtp inFrontOf(Map<String, String> smtp) {
        SlowSmtp relay = new SlowSmtp(smtp.getOrDefault("host", "127.0.0.1"), Integer.parseInt(smtp.get("port")));
        relay.start();
        return relay;
    }

    /** {@code smtp} with this relay as the server. */
    public Map<String, String> smtpOf(Map<String, String> smtp) {
        Map<String, String> relayed = new HashMap<>(smtp);
        relayed.put("host", "127.0.0.1");
        relayed.put("port", Integer.toString(port));
        return relayed;
    }

    /** How long each connection waits for the server's greeting from now on (0: at once). */
    public void delay(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far (each is one mail Keycloak tried to send). */
    public int accepted() {
        return accepted.get();
    }

    /** Listens (again) on this relay's port. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = socket.getLocalPort();
            server = socket;
            Thread acceptor = new Thread(() -> acceptAll(socket), "slow-smtp-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Closes the port and every open connection: the mail server is down. */
    public synchronized void stop() {
        ServerSocket socket = server;
        server = null;
        closeQuietly(socket);
        open.forEach(SlowSmtp::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
        pipes.shutdownNow();
    }

    private void acceptAll(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                open.add(client);
                long delay = delayMillis;
                if (delay > 0) {
                    timer.schedule(() -> pipes.execute(() -> relay(client)), delay, TimeUnit.MILLISECONDS);
                } else {
                    pipes.execute(() -> relay(client));
                }
            } catch (IOException e) {
                return; // closed by stop()
            }
        }
    }

    private void relay(Socket client) {
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            open.add(upstream);
            pipes.execute(() -> copy(upstream, client));
            copy(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
