package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The roster import's admin REST API ({@code /admin/realms/kosmo/kosmo-members/...}) as the {@code kosmo-import}
 * script calls it: plain HTTP with the bearer token of whoever is asking.
 */
public final class RosterApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Supplier<String> token;
    private final String base;

    public RosterApi(KosmoUrls urls, Supplier<String> token) {
        this(urls, token, "kosmo-members");
    }

    /** Another of our admin REST resources of the realm (e.g. {@code kosmo-onboarding}), the same way. */
    public RosterApi(KosmoUrls urls, Supplier<String> token, String resource) {
        this.token = token;
        this.base = urls.adminRealm(Browser.REALM) + "/" + resource;
    }

    public record Reply(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Map<String, Object> object() {
            try {
                return JSON.readValue(body, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new AssertionError("not a JSON object (" + status + "): " + text(), e);
            }
        }

        /** The text of a PDF answer, page by page. */
        public List<String> pdfPages() {
            try (PDDocument pdf = Loader.loadPDF(body)) {
                List<String> pages = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper();
                for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                    stripper.setStartPage(i);
                    stripper.setEndPage(i);
                    pages.add(stripper.getText(pdf));
                }
                return pages;
            } catch (IOException e) {
                throw new AssertionError("not a PDF (" + status + "): " + text(), e);
            }
        }

        /** The rows of a CSV answer without the header, each as its cells (no quoted commas in ours). */
        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            text().replace("\uFEFF", "").lines().skip(1).forEach(line -> rows.add(List.of(line.split(",", -1))));
            return rows;
        }
    }

    public Reply post(String pathAndQuery, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        request.timeout(Duration.ofMinutes(5));
        String bearer = token == null ? null : token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Uploads a file, asserts 202, returns the job id. */
    public String start(byte[] csv, String query) {
        Reply reply = post("/imports" + (query == null ? "" : "?" + query), csv);
        assertEquals(202, reply.status(), reply.text());
        return (String) reply.object().get("id");
    }

    /** The job's report once its state is DONE (polls; fails after {@code timeout}). */
    public Map<String, Object> awaitDone(String id, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            Reply reply = get("/imports/" + id);
            assertEquals(200, reply.status(), reply.text());
            Map<String, Object> report = reply.object();
            if ("DONE".equals(report.get("state"))) {
                return report;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("import " + id + " not done after " + timeout + ": " + report);
            }
            Members.sleep(200);
        }
    }

    /** Start, wait, return the report. */
    public Map<String, Object> run(byte[] csv, String query) {
        return awaitDone(start(csv, query), Duration.ofMinutes(Long.getLong("kosmo.roster.await-minutes", 3)));
    }

    public Reply reissue(String userIdOrUsername) {
        return post("/" + URLEncoder.encode(userIdOrUsername, StandardCharsets.UTF_8) + "/reissue", new byte[0]);
    }

    /** A password-grant token of a master-realm user (admin-cli), as the script logs in. */
    public static String masterToken(KosmoUrls urls, String username, String password) {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.realm("master") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return (String) JSON.readValue(new StringReader(response.body()), Map.class).get("access_token");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
