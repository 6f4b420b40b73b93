package jp.kosmo.keycloak.devserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny web mailbox on 127.0.0.1 (the JDK's HTTP server):
 * {@code /} all mails newest first, {@code /mail/<id>} one mail, {@code /api/mails} JSON (newest first).
 */
final class MailboxWeb {

    private static final Pattern MAIL_PATH = Pattern.compile("/mail/(\\d{1,9})/?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final MailStore store;
    private final int smtpPort;

    private MailboxWeb(HttpServer server, ExecutorService executor, MailStore store, int smtpPort) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.smtpPort = smtpPort;
    }

    static MailboxWeb start(int port, MailStore store, int smtpPort) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new StartupException("Could not start the web mailbox on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mailbox-web");
            t.setDaemon(true);
            return t;
        });
        MailboxWeb web = new MailboxWeb(server, executor, store, smtpPort);
        server.createContext("/", web::handle);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                send(exchange, 405, "text/plain", "Method not allowed\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher mailPath = MAIL_PATH.matcher(path);
            if ("/".equals(path)) {
                send(exchange, 200, "text/html", MailboxPages.index(store.newestFirst(), smtpPort));
            } else if ("/api/mails".equals(path) || "/api/mails/".equals(path)) {
                send(exchange, 200, "application/json", Json.mails(store.newestFirst()));
            } else if (mailPath.matches()) {
                Optional<ReceivedMail> mail = store.byId(Integer.parseInt(mailPath.group(1)));
                if (mail.isPresent()) {
                    send(exchange, 200, "text/html", MailboxPages.detail(mail.get()));
                } else {
                    send(exchange, 404, "text/html", MailboxPages.notFound());
                }
            } else {
                send(exchange, 404, "text/html", MailboxPages.notFound());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
