package jp.kosmo.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A mail server of its own for a server the test framework did not start (the benchmarks' production-mode server):
 * GreenMail's SMTP on 127.0.0.1 and a free port, every mail kept. The framework's {@code @InjectMailServer} serves
 * only the framework's own server.
 */
public final class SmtpSink implements AutoCloseable {

    private final GreenMail mail;
    private final int port;

    private SmtpSink(GreenMail mail, int port) {
        this.mail = mail;
        this.port = port;
    }

    public static SmtpSink start() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return new SmtpSink(mail, port);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The newest of at least {@code count} mails to {@code address}, waiting up to 20 s for it. */
    public MimeMessage await(String address, int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        MimeMessage[] mails = mail.getReceivedMessagesForDomain(address);
        while (mails.length < count) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("expected " + count + " mails to " + address + ", got " + mails.length);
            }
            Members.sleep(50);
            mails = mail.getReceivedMessagesForDomain(address);
        }
        return mails[mails.length - 1];
    }

    @Override
    public void close() {
        mail.stop();
    }
}
