package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Times the forgot-user-ID page's answers for several kinds of request, interleaved in a random order each round so
 * that whatever else the machine does (the mails of earlier requests, the JIT, GC) falls on every kind alike.
 * Every answer must be the same page; a different one fails the run.
 */
public final class AnswerTimes {

    /** One kind of request's answer times, in nanoseconds, sorted. */
    public record Times(String kind, long[] nanos) {

        public double medianMillis() {
            return percentileMillis(50);
        }

        public double percentileMillis(int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
        }

        public double meanMillis() {
            return Arrays.stream(nanos).average().orElse(0) / 1e6;
        }

        public String line() {
            return String.format(Locale.ROOT, "%-22s n=%4d  median %7.3f ms  mean %7.3f ms  p90 %7.3f ms  p99 %7.3f ms",
                    kind, nanos.length, medianMillis(), meanMillis(), percentileMillis(90), percentileMillis(99));
        }
    }

    private AnswerTimes() {
    }

    /** {@code warmUp} untimed rounds, then {@code rounds} timed ones; each round sends every kind once. */
    public static Map<String, Times> measure(Map<String, Supplier<ForgotUserIdClient.Answer>> kinds, int warmUp, int rounds) {
        Random random = new Random(20261124L);
        List<String> names = new ArrayList<>(kinds.keySet());
        Map<String, long[]> nanos = new LinkedHashMap<>();
        names.forEach(n -> nanos.put(n, new long[rounds]));
        String expectedBody = null;
        for (int round = -warmUp; round < rounds; round++) {
            Collections.shuffle(names, random);
            for (String name : names) {
                ForgotUserIdClient.Answer answer = kinds.get(name).get();
                if (expectedBody == null) {
                    expectedBody = answer.body();
                }
                assertEquals(200, answer.status(), name);
                assertEquals(expectedBody, answer.body(), () -> name + " got a different page");
                if (round >= 0) {
                    nanos.get(name)[round] = answer.nanos();
                }
            }
        }
        Map<String, Times> result = new LinkedHashMap<>();
        kinds.keySet().forEach(n -> {
            long[] sorted = nanos.get(n).clone();
            Arrays.sort(sorted);
            result.put(n, new Times(n, sorted));
        });
        return result;
    }
}
