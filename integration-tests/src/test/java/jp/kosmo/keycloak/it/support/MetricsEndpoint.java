package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Keycloak's {@code /metrics} on the management interface (the address from the test framework's
 * {@link KeycloakUrls#getMetric()}), read as Prometheus text: one sample per line, {@code name{labels} value}.
 */
public final class MetricsEndpoint {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public MetricsEndpoint(KeycloakUrls urls) {
        this.uri = URI.create(urls.getMetric());
    }

    /** One line of the scrape. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** All samples of one scrape. */
    public record Scrape(List<Sample> samples, String text) {

        /** The sum of the samples named {@code name} whose labels include all of {@code labels} (key, value, …). */
        public double sum(String name, String... labels) {
            double sum = 0;
            for (Sample sample : samples) {
                if (sample.name().equals(name) && matches(sample.labels(), labels)) {
                    sum += sample.value();
                }
            }
            return sum;
        }

        /** Whether a sample of that name exists at all. */
        public boolean has(String name) {
            return samples.stream().anyMatch(s -> s.name().equals(name));
        }

        /** The lines of our metrics ({@code kosmo_…}), comments included. */
        public List<String> kosmoLines() {
            return text.lines().filter(l -> l.contains("kosmo_")).toList();
        }

        private static boolean matches(Map<String, String> have, String... want) {
            for (int i = 0; i < want.length; i += 2) {
                if (!want[i + 1].equals(have.get(want[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    public Scrape scrape() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET " + uri);
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            double value;
            try {
                value = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                continue;
            }
            samples.add(new Sample(m.group(1), labels, value));
        }
        return new Scrape(List.copyOf(samples), text);
    }

    /**
     * What the counters ({@code name} + label pairs, as keys of {@code expected}) moved by since {@code before}, once
     * each has moved by at least its expected amount or 20 s have passed (some are counted after the answer: at the
     * request's commit, by the brute-force detector's or the forgot-user-ID page's background work).
     */
    public Map<Counter, Double> awaitMoved(Scrape before, Map<Counter, Double> expected) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Scrape now = scrape();
            Map<Counter, Double> moved = new LinkedHashMap<>();
            boolean done = true;
            for (Map.Entry<Counter, Double> e : expected.entrySet()) {
                double delta = e.getKey().in(now) - e.getKey().in(before);
                moved.put(e.getKey(), delta);
                done &= delta >= e.getValue();
            }
            if (done || System.nanoTime() > until) {
                return moved;
            }
            Members.sleep(250);
        }
    }

    /** One series (or the sum of several): a metric name and the label pairs it must have. */
    public record Counter(String name, List<String> labels) {

        public static Counter of(String name, String... labels) {
            return new Counter(name, List.of(labels));
        }

        double in(Scrape scrape) {
            return scrape.sum(name, labels.toArray(String[]::new));
        }

        @Override
        public String toString() {
            return name + labels;
        }
    }
}
