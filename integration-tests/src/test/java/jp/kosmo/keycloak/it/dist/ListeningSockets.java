package jp.kosmo.keycloak.it.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The TCP and UDP sockets a process listens on, as {@code ss -tulpn} lists them: protocol and local address, e.g.
 * {@code tcp 127.0.0.1:8080} (an IPv4-mapped {@code [::ffff:127.0.0.1]} of a Java socket written as plain IPv4).
 */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    private static String plainIpv4(String local) {
        return local.startsWith("[::ffff:") ? local.substring("[::ffff:".length()).replaceFirst("]:", ":") : local;
    }

    public static List<String> of(long pid) {
        try {
            Process ss = new ProcessBuilder("ss", "-H", "-tulpn").redirectErrorStream(true).start();
            ss.getOutputStream().close();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(30, TimeUnit.SECONDS) || ss.exitValue() != 0) {
                throw new IllegalStateException("ss -tulpn failed: " + out);
            }
            return out.lines().filter(line -> line.contains("pid=" + pid + ","))
                    .map(line -> line.trim().split("\\s+"))
                    .map(fields -> fields[0] + " " + plainIpv4(fields[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("ss (iproute2) is needed to list the sockets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
