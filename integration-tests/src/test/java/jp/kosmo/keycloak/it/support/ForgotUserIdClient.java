package jp.kosmo.keycloak.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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

/**
 * A browser on the forgot-user-ID page over plain HTTP: opens the page (which sets the anti-CSRF cookie and puts
 * the same token in a hidden field) and posts the form as the page would, for tests that compare answers byte for
 * byte or time hundreds of them.
 */
public final class ForgotUserIdClient {

    public static final String PATH = "/realms/" + Browser.REALM + "/kosmo-forgot-user-id";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final URI page;
    private String token;

    public ForgotUserIdClient(KosmoUrls urls) {
        this(urls.at(PATH + "?client_id=account-console"));
    }

    public ForgotUserIdClient(URI page) {
        this.page = page;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What the server answered: status, body and every header (Set-Cookie included). */
    public record Answer(int status, String body, Map<String, List<String>> headers, long nanos) {

        public List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        /** The page's text without tags, white space folded: what a member reads. */
        public String text() {
            return body.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ")
                    .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                    .replaceAll("\\s+", " ").trim();
        }

        public String csrfToken() {
            Matcher m = CSRF.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Opens the page; keeps its token for the posts that follow. */
    public Answer open() {
        Answer answer = send(HttpRequest.newBuilder(page).GET().header("Accept-Language", "ja"));
        token = answer.csrfToken();
        return answer;
    }

    /** Posts the form with the page's token. */
    public Answer submit(String email, String birthdate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", token);
        fields.put("email", email);
        fields.put("birthdate", birthdate);
        return post(fields);
    }

    /** Posts exactly these fields (for forged or broken posts). */
    public Answer post(Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "ja")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public String token() {
        return token;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long nanos = System.nanoTime() - start;
            return new Answer(response.statusCode(), response.body(), response.headers().map(), nanos);
        } catch (IOException e) {
            throw new AssertionError("request to " + page + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
