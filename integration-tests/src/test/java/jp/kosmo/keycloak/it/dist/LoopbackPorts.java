package jp.kosmo.keycloak.it.dist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on 127.0.0.1 between 10000 and 15000, each handed out once per run. Below 15000 because JGroups'
 * failure detection (FD_SOCK2) listens on the bind port + 50000.
 */
public final class LoopbackPorts {

    private static final int FIRST = 10000;
    private static final int LAST = 15000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private LoopbackPorts() {
    }

    public static synchronized int free() {
        for (int port = FIRST; port < LAST; port++) {
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                GIVEN.add(port);
                return port;
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + FIRST + " and " + LAST);
    }
}
