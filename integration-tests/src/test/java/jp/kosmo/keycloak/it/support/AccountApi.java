package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's account REST API ({@code /realms/kosmo/account}) called with a signed-in member's own access token,
 * as the account console does. The token comes from the member's browser session: the browser is sent through an
 * authorization request of the test client {@link HttpBrowser#CLIENT_ID}, which Keycloak answers at once for a
 * member signed in already (no password, no code asked again).
 */
public final class AccountApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;
    private final URI url;

    private AccountApi(String token, URI url) {
        this.token = token;
        this.url = url;
    }

    /** The access token of the member signed in in {@code browser} (the test client must exist in the realm). */
    public static AccountApi of(Browser browser) {
        HttpBrowser http = new HttpBrowser(browser.urls(), Browser.REALM);
        browser.driver().navigate().to(http.authorizationUrl().toString());
        // the callback address is never served: the browser shows its own error page with the code in the URL
        String callback = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .withMessage(() -> "no authorization code, at " + browser.driver().getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(HttpBrowser.CALLBACK) ? d.getCurrentUrl() : null);
        String token = http.exchangeCode(new HttpBrowser.Page(302, URI.create(callback), "",
                java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true)));
        return new AccountApi(token, URI.create(browser.urls().realm(Browser.REALM) + "/account"));
    }

    /** GET: the member's own representation, as the account console reads it. */
    public ObjectNode get() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url).GET());
        assertEquals(200, response.statusCode(), response.body());
        try {
            return (ObjectNode) JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** POST of the representation, as the account console's "save" sends it; the response as it came. */
    public HttpResponse<String> save(ObjectNode representation) {
        String body = representation.toString();
        return send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(response.statusCode() != 401 && response.statusCode() != 403,
                    () -> "the member's token was refused: " + response.statusCode());
            return response;
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
