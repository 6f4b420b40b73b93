package jp.kosmo.keycloak.it.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load balancer in front of a two-node cluster, on 127.0.0.1: one address (so the browser's cookies go to
 * both nodes) and, in {@link Mode#ALTERNATE}, every page (a request the browser makes for a document: a link, a
 * redirect, a form post) is sent to the other node than the page before. The sub-resources of a page (styles,
 * scripts, the account console's API calls) go to the node of that page. {@link #pin} sends everything to one
 * node; a node that refuses connections (killed) is left out from then on, as a load balancer's health check would.
 * Each page is recorded and printed as {@code [proxy] node-b served POST /realms/…}, and answered with the header
 * {@value #NODE_HEADER}.
 */
public final class AlternatingProxy implements AutoCloseable {

    public static final String NODE_HEADER = "X-Kosmo-Served-By";

    /** A node behind the proxy: its name and its own address ({@link KeycloakNode#baseUrl()}). */
    public record Backend(String name, URI base) {
        public static Backend of(KeycloakNode node) {
            return new Backend(node.name(), URI.create(node.baseUrl()));
        }
    }

    /** One page the proxy forwarded: method, path with query, the node that answered, its status. */
    public record Page(String method, String path, String node, int status) {
        @Override
        public String toString() {
            return node + " served " + method + " " + path + " -> " + status;
        }
    }

    public enum Mode { ALTERNATE, PINNED }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

    private final List<Backend> backends;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private final List<String> down = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ALTERNATE;
    private volatile Backend pinned;
    private volatile Backend lastPage;

    private AlternatingProxy(List<Backend> backends, HttpServer server) {
        this.backends = List.copyOf(backends);
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port}; the first page goes to the first backend. */
    public static AlternatingProxy start(int port, List<Backend> backends) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            AlternatingProxy proxy = new AlternatingProxy(backends, server);
            server.createContext("/", proxy::handle);
            server.setExecutor(proxy.threads);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every page from now on to the node after the one of the page before. */
    public void alternate() {
        mode = Mode.ALTERNATE;
    }

    /** Every request from now on to this node (unless it is down). */
    public void pin(String node) {
        pinned = backend(node);
        mode = Mode.PINNED;
    }

    /** Leaves a node out from now on (it was stopped or killed). */
    public void markDown(String node) {
        down.add(backend(node).name());
    }

    public void markUp(String node) {
        down.remove(backend(node).name());
    }

    public List<Page> pages() {
        return List.copyOf(pages);
    }

    /** Forgets the pages recorded so far (one story each). */
    public void clearPages() {
        pages.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean page = isPage(exchange.getRequestHeaders());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Backend target = choose(page);
            HttpResponse<byte[]> answer = null;
            for (int tries = 0; tries < backends.size() && answer == null; tries++) {
                try {
                    answer = forward(exchange, body, target);
                } catch (ConnectException | HttpTimeoutException refused) {
                    // the node is gone (killed): a health check would take it out of the pool
                    down.add(target.name());
                    System.out.println("[proxy] " + target.name() + " refused " + exchange.getRequestURI() + ": left out from now on");
                    target = choose(page);
                }
            }
            if (answer == null) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            if (page) {
                lastPage = target;
                Page served = new Page(exchange.getRequestMethod(), exchange.getRequestURI().toString(), target.name(), answer.statusCode());
                pages.add(served);
                System.out.println("[proxy] " + served);
            }
            Headers out = exchange.getResponseHeaders();
            for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(name) && !name.startsWith(":")) {
                    out.put(header.getKey(), new ArrayList<>(header.getValue()));
                }
            }
            out.set(NODE_HEADER, target.name());
            byte[] content = answer.body();
            boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || answer.statusCode() == 204 || answer.statusCode() == 304;
            exchange.sendResponseHeaders(answer.statusCode(), noBody || content.length == 0 ? -1 : content.length);
            if (!noBody && content.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(content);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            System.out.println("[proxy] " + exchange.getRequestURI() + " failed: " + e);
            throw e;
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body, Backend target) throws IOException, InterruptedException {
        URI uri = target.base().resolve(exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name)) {
                continue;
            }
            for (String value : header.getValue()) {
                request.header(header.getKey(), value);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private synchronized Backend choose(boolean page) {
        List<Backend> up = backends.stream().filter(b -> !down.contains(b.name())).toList();
        if (up.isEmpty()) {
            throw new IllegalStateException("every node behind the proxy is down");
        }
        if (mode == Mode.PINNED && up.contains(pinned)) {
            return pinned;
        }
        Backend last = lastPage;
        if (!page) {
            return last != null && up.contains(last) ? last : up.get(0);
        }
        if (last == null) {
            return up.get(0);
        }
        int next = (backends.indexOf(last) + 1) % backends.size();
        Backend candidate = backends.get(next);
        return up.contains(candidate) ? candidate : up.get(0);
    }

    private Backend backend(String node) {
        return backends.stream().filter(b -> b.name().equals(node)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + node + " behind the proxy"));
    }

    /**
     * A page is what a browser fetches as a document ({@code Sec-Fetch-Dest: document}, sent to 127.0.0.1 as to any
     * trustworthy origin); a client without fetch metadata (plain HTTP from a test) makes pages only.
     */
    private static boolean isPage(Headers headers) {
        String dest = headers.getFirst("Sec-Fetch-Dest");
        return dest == null || dest.equalsIgnoreCase("document");
    }
}
