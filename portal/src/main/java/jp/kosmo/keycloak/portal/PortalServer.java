package jp.kosmo.keycloak.portal;

import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo portal "KOSMO Web" on 127.0.0.1 (the JDK's HTTP server). {@code GET /}: the top page for a signed-in
 * member, else a login at Keycloak; {@code GET /callback}: Keycloak's answer; {@code POST /logout}: RP-initiated
 * logout; {@code POST /backchannel-logout}: Keycloak ends the portal sessions of a Keycloak session;
 * {@code GET /signed-out/<lang>}: where Keycloak sends the member back after logout.
 */
public final class PortalServer {

    private static final Logger LOG = Logger.getLogger(PortalServer.class.getName());
    private static final int MAX_FORM_BYTES = 4096;

    private final PortalConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final PortalSessions sessions;
    private final OidcLogin oidc;

    private PortalServer(PortalConfig config, HttpServer server, ExecutorService executor, Clock clock) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.sessions = new PortalSessions(clock);
        this.oidc = new OidcLogin(config, clock);
    }

    /** @throws UncheckedIOException when the port is taken */
    public static PortalServer start(PortalConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * The portal on {@code clock}, which judges its sessions' idle time and the ID tokens' expiry and issue time. Only
     * the integration tests pass another clock than the system's: the one they move Keycloak's by.
     *
     * @throws UncheckedIOException when the port is taken
     */
    public static PortalServer start(PortalConfig config, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the portal on 127.0.0.1:" + config.port() + ": "
                    + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "kosmo-portal");
            t.setDaemon(true);
            return t;
        });
        PortalServer portal = new PortalServer(config, server, executor, clock);
        server.createContext("/", portal::handle);
        server.setExecutor(executor);
        server.start();
        return portal;
    }

    public URI url() {
        return URI.create(config.baseUrl() + "/");
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
            String language = PortalTexts.pick(query.get("lang"), exchange.getRequestHeaders().getFirst("Accept-Language"));
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if ("/".equals(path) && "GET".equals(method)) {
                    top(exchange, language);
                } else if ("/callback".equals(path) && "GET".equals(method)) {
                    callback(exchange);
                } else if ("/backchannel-logout".equals(path) && "POST".equals(method)) {
                    backchannelLogout(exchange);
                } else if ("/logout".equals(path) && "POST".equals(method)) {
                    logout(exchange);
                } else if (path.startsWith("/signed-out/") && "GET".equals(method)) {
                    String lang = path.substring("/signed-out/".length());
                    PortalTexts texts = PortalTexts.of(PortalTexts.LANGUAGES.contains(lang) ? lang : language);
                    send(exchange, 200, PortalPages.signedOut(texts));
                } else {
                    send(exchange, 404, PortalPages.error(PortalTexts.of(language)));
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "portal: " + path + ": " + e.getMessage());
                send(exchange, 400, PortalPages.error(PortalTexts.of(language)));
            }
        }
    }

    private void top(HttpExchange exchange, String language) throws IOException {
        Optional<PortalSessions.Session> found = sessions.find(cookie(exchange));
        if (found.isPresent() && found.get().member != null) {
            PortalSessions.Session session = found.get();
            send(exchange, 200, PortalPages.top(PortalTexts.of(language), session.member, session.csrf,
                    config.accountConsoleUrl().toString()));
            return;
        }
        PortalSessions.Session session;
        if (found.isPresent()) {
            session = found.get();
        } else {
            PortalSessions.Created created = sessions.create();
            session = created.session();
            setCookie(exchange, created.id());
        }
        OidcLogin.Start start = oidc.start(language);
        session.expect(start.pending());
        redirect(exchange, start.authorizationUrl());
    }

    private void callback(HttpExchange exchange) throws IOException {
        String id = cookie(exchange);
        PortalSessions.Session session = sessions.find(id)
                .orElseThrow(() -> new OidcLogin.LoginFailed("callback without a portal session"));
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        PortalSessions.Pending pending = session.take(query.get("state"))
                .orElseThrow(() -> new OidcLogin.LoginFailed("state does not match a login of this session"));
        URI request = URI.create(config.callbackUrl() + (exchange.getRequestURI().getRawQuery() == null ? ""
                : "?" + exchange.getRequestURI().getRawQuery()));
        PortalSessions.Member member = oidc.finish(request, pending);
        session.member = member;
        setCookie(exchange, sessions.rotate(id, session));
        redirect(exchange, URI.create("/?lang=" + pending.language()));
    }

    private void logout(HttpExchange exchange) throws IOException {
        String id = cookie(exchange);
        Map<String, String> form = parameters(readForm(exchange));
        String language = PortalTexts.pick(form.get("lang"), null);
        Optional<PortalSessions.Session> found = sessions.find(id);
        if (found.isEmpty() || found.get().member == null) {
            redirect(exchange, config.signedOutUrl(language));
            return;
        }
        PortalSessions.Session session = found.get();
        String csrf = form.get("csrf");
        if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                session.csrf.getBytes(StandardCharsets.UTF_8))) {
            throw new OidcLogin.LoginFailed("logout without the session's CSRF token");
        }
        URI logoutUrl = oidc.logoutUrl(session.member, language);
        sessions.remove(id);
        exchange.getResponseHeaders().add("Set-Cookie", PortalSessions.COOKIE
                + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        redirect(exchange, logoutUrl);
    }

    /**
     * Keycloak's back-channel logout (the client's "Backchannel logout URL"): the member's Keycloak session ended
     * (signed out everywhere, a password reset, an admin's logout), so the portal sessions made with it end too.
     * Answers 200 with no body, or 400 for a token that is not the realm's (Back-Channel Logout 1.0, 2.8).
     */
    private void backchannelLogout(HttpExchange exchange) throws IOException {
        Map<String, String> form = parameters(readForm(exchange));
        LogoutTokenClaimsSet claims;
        try {
            claims = oidc.backchannelLogout(form.get("logout_token"));
        } catch (OidcLogin.LoginFailed e) {
            LOG.log(Level.WARNING, "portal: back-channel logout refused: " + e.getMessage());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        sessions.endKeycloakSession(claims.getSubject() == null ? null : claims.getSubject().getValue(),
                claims.getSessionID() == null ? null : claims.getSessionID().getValue());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, -1);
    }

    /** The logout form's redirect goes on to Keycloak, which CSP's form-action must allow. */
    private String keycloakOrigin() {
        URI issuer = config.issuer();
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    private static String cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && PortalSessions.COOKIE.equals(pair[0])) {
                    return pair[1];
                }
            }
        }
        return null;
    }

    private static void setCookie(HttpExchange exchange, String id) {
        exchange.getResponseHeaders().add("Set-Cookie", PortalSessions.COOKIE + "=" + id
                + "; Path=/; HttpOnly; SameSite=Lax");
    }

    private static String readForm(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            throw new IOException("form too large");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                out.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException malformed) {
                // ignored, as if absent
            }
        }
        return out;
    }

    private static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + keycloakOrigin()
                        + "; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
