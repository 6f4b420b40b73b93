package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the one thing the launcher wants to know from the realm export: the SMTP port the realm sends to. */
final class RealmFile {

    private static final Pattern SMTP_SERVER = Pattern.compile("\"smtpServer\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern PORT = Pattern.compile("\"port\"\\s*:\\s*\"?(\\d+)\"?");

    private RealmFile() {
    }

    static OptionalInt smtpPort(Path realmFile) {
        try {
            return smtpPort(Files.readString(realmFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OptionalInt smtpPort(String realmJson) {
        Matcher server = SMTP_SERVER.matcher(realmJson);
        if (!server.find()) {
            return OptionalInt.empty();
        }
        Matcher port = PORT.matcher(server.group(1));
        return port.find() ? OptionalInt.of(Integer.parseInt(port.group(1))) : OptionalInt.empty();
    }
}
