package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin REST endpoints of {@code kosmo-terms} ({@code /admin/realms/kosmo/kosmo-terms/...}) as an admin tool
 * would call them: plain HTTP with a bearer token of whoever is asking.
 */
public final class TermsAdminApi {


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Supplier<String> token;
    private final String base;

    /**
     * Calls in realm {@code kosmo}; {@code token} is asked for a fresh access token before every call (null: no
     * Authorization header).
     */
    public TermsAdminApi(KosmoUrls urls, Supplier<String> token) {
        this(urls, token, Browser.REALM);
    }

    public TermsAdminApi(KosmoUrls urls, Supplier<String> token, String realm) {
        this.token = token;
        this.base = urls.adminRealm(realm) + "/kosmo-terms";
    }

    /** What came back: status, content type, raw body. */
    public record Reply(int status, String contentType, byte[] body, Map<String, List<String>> headers) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public List<Map<String, Object>> rows() {
            try {
                return JSON.readValue(body, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new AssertionError("not a JSON list (" + status + "): " + text(), e);
            }
        }

        public Map<String, Object> object() {
            try {
                return JSON.readValue(body, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new AssertionError("not a JSON object (" + status + "): " + text(), e);
            }
        }
    }

    public Reply get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().timeout(Duration.ofSeconds(30));
        String bearer = token == null ? null : token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static String userPath(String userId) {
        return "/users/" + encode(userId) + "/acceptances";
    }

    public static String versionPath(String version) {
        return "/versions/" + encode(version) + "/acceptances";
    }

    /** Every acceptance of one member (asserts 200). */
    public List<Map<String, Object>> ofMember(String userId) {
        Reply reply = get(userPath(userId));
        assertEquals(200, reply.status(), reply.text());
        return reply.rows();
    }

    /** One page of the acceptances of a version (asserts 200). */
    public List<Map<String, Object>> ofVersion(String version, int first, int max) {
        Reply reply = get(versionPath(version) + "?first=" + first + "&max=" + max);
        assertEquals(200, reply.status(), reply.text());
        return reply.rows();
    }

    public long countOfVersion(String version) {
        Reply reply = get(versionPath(version) + "/count");
        assertEquals(200, reply.status(), reply.text());
        return ((Number) reply.object().get("count")).longValue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
