package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a URL until it answers 200. */
final class ReadinessProbe {

    enum Result { READY, TIMED_OUT, PROCESS_EXITED }

    private ReadinessProbe() {
    }

    /**
     * @param url         polled once a second
     * @param timeout     give up after this long
     * @param stillRunning false when the server process died, which ends the wait early
     */
    static Result await(URI url, Duration timeout, BooleanSupplier stillRunning) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!stillRunning.getAsBoolean()) {
                return Result.PROCESS_EXITED;
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Result.READY;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return Result.TIMED_OUT;
    }
}
