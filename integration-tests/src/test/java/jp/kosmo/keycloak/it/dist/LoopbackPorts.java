package jp.kosmo.keycloak.it.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Free TCP ports on 127.0.0.1, each handed out once per run. */
public final class LoopbackPorts {

    private static final Set<Integer> GIVEN = new HashSet<>();

    private LoopbackPorts() {
    }

    public static synchronized int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                // JGroups' failure detection listens on bind port + 50000 (FD_SOCK2's offset): keep room for it
                if (port < 15000 && GIVEN.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return nextFreeBelow15000();
    }

    private static int nextFreeBelow15000() {
        for (int port = 10000; port < 15000; port++) {
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                GIVEN.add(port);
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between 10000 and 15000");
    }
}
