package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early, with the option to change, when a port we need is taken. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(int port, String what, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StartupException("Port " + port + " (" + what + ") is already in use. Stop the program using it"
                    + " (is another ./run.sh still running?) or pick another port with " + option + " N.");
        }
    }
}
