package jp.kosmo.keycloak.devserver;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * A local SMTP server (GreenMail) on 127.0.0.1 that accepts every mail without authentication, decodes it,
 * stores it in the {@link MailStore} and hands it to a listener (the console printer).
 */
final class MailSink {

    private final GreenMail greenMail;
    private final MailStore store;
    private final Consumer<ReceivedMail> listener;
    /** GreenMail delivers once per recipient; this remembers which SMTP messages were already recorded. */
    private final Set<MovingMessage> recorded = Collections.newSetFromMap(new WeakHashMap<>());

    private MailSink(GreenMail greenMail, MailStore store, Consumer<ReceivedMail> listener) {
        this.greenMail = greenMail;
        this.store = store;
        this.listener = listener;
    }

    static MailSink start(int port, MailStore store, Consumer<ReceivedMail> listener) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        MailSink sink = new MailSink(greenMail, store, listener);
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new StartupException("Could not start the SMTP sink on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler createUserAndDeliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            sink.record(message);
            return createUserAndDeliver.handle(message, address);
        });
        return sink;
    }

    private void record(MovingMessage message) {
        synchronized (recorded) {
            if (!recorded.add(message)) {
                return;
            }
        }
        try {
            List<String> envelope = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
            ReceivedMail mail = store.add(MimeMailParser.parse(message.getMessage(), envelope, Instant.now()));
            listener.accept(mail);
        } catch (Exception e) {
            System.out.println("[mail] Received a mail that could not be decoded: " + e);
        }
    }

    void stop() {
        greenMail.stop();
    }
}
