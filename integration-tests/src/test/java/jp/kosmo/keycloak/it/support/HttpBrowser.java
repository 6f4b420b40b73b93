package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * A member's browser without the browser: cookies, redirects and form posts over plain HTTP against Keycloak's
 * real login pages, for tests that need many logins quickly or that look at what a form post does. It reads
 * the same pages Chromium gets (forms by id, hidden fields, {@code data-page-id}) and submits them as a browser
 * would; nothing is posted that the page does not offer.
 *
 * <p>The logins run through a public test client whose redirect URI is never called: the flow is finished when
 * Keycloak redirects there with an authorization code, which {@link #exchangeCode} can turn into tokens.
 */
public final class HttpBrowser {

    public static final String CLIENT_ID = "kosmo-it-http";
    public static final String CALLBACK = "http://127.0.0.1:1/kosmo-it-callback";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAGE_ID = Pattern.compile("data-page-id=\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private final String realm;
    private final KosmoUrls urls;
    private final LocalhostCookies cookies = new LocalhostCookies();
    private final HttpClient http;

    public HttpBrowser(KosmoUrls urls, String realm) {
        this.urls = urls;
        this.realm = realm;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Creates the public test client in {@code realmAdmin}'s realm unless it is there already. */
    public static void ensureClient(RealmResource realmAdmin) {
        if (!realmAdmin.clients().findByClientId(CLIENT_ID).isEmpty()) {
            return;
        }
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT_ID);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRedirectUris(List.of(CALLBACK));
        try (jakarta.ws.rs.core.Response response = realmAdmin.clients().create(client)) {
            assertEquals(201, response.getStatus(), "create client " + CLIENT_ID);
        }
    }

    /**
     * Keycloak marks its cookies {@code Secure} on localhost (a secure context for browsers, see its
     * SecureContextResolver); Java's cookie manager would then never send them over http. A browser does, so this
     * jar keeps them without the flag.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final CookieManager delegate = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        void clear() {
            delegate.getCookieStore().removeAll();
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()
                    : values));
            delegate.put(uri, headers);
        }
    }

    /** Forgets every cookie, as a new browser would start: the next {@link #open()} shows the login page again. */
    public void forgetSession() {
        cookies.clear();
    }

    /** A page as the server sent it (after following redirects within Keycloak), with its response headers. */
    public record Page(int status, URI uri, String body, HttpHeaders headers) {

        /** Every value of a response header (names are case-insensitive). */
        public List<String> header(String name) {
            return headers.allValues(name);
        }

        public String pageId() {
            Matcher m = PAGE_ID.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        /** True when Keycloak sent the browser back to the client: the login is complete. */
        public boolean isCallback() {
            return uri.toString().startsWith(CALLBACK);
        }

        public String query(String name) {
            String query = uri.getRawQuery();
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        /** The text of the element with this id, as a browser shows it (whitespace collapsed), or null. */
        public String text(String id) {
            Element element = Jsoup.parse(body, uri.toString()).getElementById(id);
            return element == null ? null : element.text();
        }

        /** The absolute target of the link with this id; fails when the page has none. */
        public URI link(String id) {
            Element element = Jsoup.parse(body, uri.toString()).getElementById(id);
            if (element == null || !element.hasAttr("href")) {
                throw new AssertionError("no link #" + id + " on page " + pageId() + " (" + status + " " + uri + ")");
            }
            return URI.create(element.absUrl("href"));
        }

        public Form form(String id) {
            Matcher m = Pattern.compile("<form\\b([^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*)>(.*?)</form>",
                    Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form #" + id + " on page " + pageId() + " (" + status + " " + uri + ")");
            }
            Map<String, String> hidden = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(m.group(2));
            while (input.find()) {
                String tag = input.group();
                if ("hidden".equalsIgnoreCase(attribute(tag, "type"))) {
                    hidden.put(attribute(tag, "name"), attribute(tag, "value") == null ? "" : attribute(tag, "value"));
                }
            }
            return new Form(uri.resolve(attribute(m.group(1), "action")), hidden);
        }
    }

    /** A form's target and its hidden fields. */
    public record Form(URI action, Map<String, String> hidden) {
    }

    public URI authorizationUrl() {
        return URI.create(urls.realm(realm) + "/protocol/openid-connect/auth"
                + "?client_id=" + CLIENT_ID
                + "&redirect_uri=" + encode(CALLBACK)
                + "&response_type=code&scope=openid&state=kosmo-it");
    }

    /** Starts a login at the client: the login page, or further on when this browser is signed in already. */
    public Page open() {
        return get(authorizationUrl());
    }

    public Page get(URI uri) {
        return follow(send(HttpRequest.newBuilder(uri).GET()));
    }

    /** Submits {@code form} with its hidden fields plus {@code fields} (a button is a field with an empty value). */
    public Page submit(Form form, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(form.hidden());
        all.putAll(fields);
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(form.action())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    public Page submit(Page page, String formId, Map<String, String> fields) {
        return submit(page.form(formId), fields);
    }

    /** User ID + password, then the birthdate (YYYYMMDD): the page that follows. */
    public Page logIn(String username, String password, String birthdate) {
        Page page = open();
        expect(page, "login-login");
        page = submit(page, "kc-form-login", Map.of("username", username, "password", password));
        expect(page, "login-kosmo-birthdate");
        return submit(page, "kc-birthdate-form", Map.of("birthdate", birthdate));
    }

    /** Turns the authorization code of a completed login into an access token. */
    public String exchangeCode(Page callback) {
        String code = callback.query("code");
        if (code == null) {
            throw new AssertionError("no authorization code at " + callback.uri());
        }
        String body = "grant_type=authorization_code&client_id=" + CLIENT_ID + "&redirect_uri=" + encode(CALLBACK)
                + "&code=" + encode(code);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(urls.realm(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response.body());
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new AssertionError("token response is not JSON: " + response.body(), e);
        }
    }

    public static void expect(Page page, String pageId) {
        if (!pageId.equals(page.pageId())) {
            throw new AssertionError("expected page " + pageId + " but was " + page.pageId() + " (" + page.status()
                    + " " + page.uri() + ")\n" + abbreviate(page.body()));
        }
    }

    private Page follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10; hops++) {
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return new Page(status, response.uri(), response.body(), response.headers());
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.toString().startsWith(CALLBACK)) {
                return new Page(status, next, "", response.headers());
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        throw new AssertionError("too many redirects at " + response.uri());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).header("Accept-Language", "ja").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return m.find() ? unescape(m.group(1)) : null;
    }

    static String unescape(String html) {
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "lt" -> "<";
                case "gt" -> ">";
                default -> new String(Character.toChars(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }
}
