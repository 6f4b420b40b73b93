package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account console's call to rename one of the member's own credentials ({@code PUT
 * /realms/kosmo/account/credentials/{id}/label}; removing goes through Keycloak's {@code delete_credential} action), with the signed-in member's access token (from the
 * member's browser session through the test client {@link HttpBrowser#CLIENT_ID}).
 */
public final class AccountCredentials {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;
    private final String url;

    private AccountCredentials(String token, String url) {
        this.token = token;
        this.url = url;
    }

    public static AccountCredentials of(Browser browser) {
        browser.driver().navigate().to(new HttpBrowser(browser.urls(), Browser.REALM).authorizationUrl().toString());
        String callback = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .withMessage(() -> "no authorization code, at " + browser.driver().getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(HttpBrowser.CALLBACK) ? d.getCurrentUrl() : null);
        String token = new HttpBrowser(browser.urls(), Browser.REALM).exchangeCode(new HttpBrowser.Page(302, URI.create(callback), "",
                java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true)));
        return new AccountCredentials(token, browser.urls().realm(Browser.REALM) + "/account/credentials/");
    }

    public void rename(String credentialId, String label) {
        String body;
        try {
            body = new ObjectMapper().writeValueAsString(label);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int status = send(HttpRequest.newBuilder(URI.create(url + credentialId + "/label"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertEquals(204, status, "rename " + credentialId);
    }

    private int send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).statusCode();
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
