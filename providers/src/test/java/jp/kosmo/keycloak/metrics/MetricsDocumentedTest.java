package jp.kosmo.keycloak.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The metrics tables of the admin guide (section 9) and the README name every counter and gauge with every tag and
 * tag value, so the documentation stays true when one is added. Reads the files relative to the project root
 * (surefire runs in providers/).
 */
class MetricsDocumentedTest {

    private static final Path ADMIN_GUIDE = Path.of("../docs/admin-guide.md");
    private static final Path README = Path.of("../README.md");

    private static String section(Path file, String heading) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf(heading);
        assertTrue(start >= 0, heading + " in " + file);
        int end = text.indexOf("\n## ", start + heading.length());
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** The row of the table that starts with the metric's name in backquotes. */
    private static String row(String section, String metric) {
        return section.lines().filter(l -> l.startsWith("| `" + metric + "`")).findFirst().orElse("");
    }

    private static List<String> missing(String section) {
        List<String> missing = new ArrayList<>();
        for (KosmoCounter counter : KosmoCounter.values()) {
            String row = row(section, counter.prometheusName());
            if (row.isEmpty()) {
                missing.add(counter.prometheusName());
                continue;
            }
            for (KosmoCounter.TagKey tag : counter.tags()) {
                if (!row.contains("`" + tag.key() + "`")) {
                    missing.add(counter.prometheusName() + " tag " + tag.key());
                }
                for (Enum<?> value : tag.values().getEnumConstants()) {
                    if (!row.contains("`" + Tags.value(value) + "`")) {
                        missing.add(counter.prometheusName() + " " + tag.key() + "=" + Tags.value(value));
                    }
                }
            }
        }
        for (String gauge : List.of(KosmoMeters.FORGOT_USER_ID_PENDING.replace('.', '_'),
                KosmoMeters.FORGOT_USER_ID_DROPPED.replace('.', '_') + "_total")) {
            if (!section.contains("`" + gauge + "`")) {
                missing.add(gauge);
            }
        }
        return missing;
    }

    @Nested
    @DisplayName("every metric, tag and tag value is documented")
    class Documented {

        @Test
        @DisplayName("in the admin guide, section 9")
        void adminGuide() throws IOException {
            assertEquals(List.of(), missing(section(ADMIN_GUIDE, "## 9. Metrics")));
        }

        @Test
        @DisplayName("in the README, section Metrics")
        void readme() throws IOException {
            assertEquals(List.of(), missing(section(README, "## Metrics")));
        }

        @Test
        @DisplayName("with the listener's id and the server option that turns metrics on")
        void switches() throws IOException {
            for (String section : List.of(section(ADMIN_GUIDE, "## 9. Metrics"), section(README, "## Metrics"))) {
                assertTrue(section.contains("`" + MetricsEventListenerFactory.PROVIDER_ID + "`"));
                assertTrue(section.contains("--metrics-enabled=true"));
            }
        }
    }
}
