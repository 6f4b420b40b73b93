package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** The mails Keycloak sent during the current test (GreenMail through the test framework), decoded. */
public final class Mailbox {

    private static final long TIMEOUT_MILLIS = 10_000;
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");
    private static final Pattern CODE = Pattern.compile("(?:確認コード|Verification code): ([0-9]{6})");

    private final MailServer server;

    public Mailbox(MailServer server) {
        this.server = server;
    }

    /** Waits until {@code count} mails have arrived in this test and returns all of them, oldest first. */
    public List<Mail> await(int count) {
        assertTrue(server.waitForIncomingEmail(TIMEOUT_MILLIS, count), () -> "expected " + count + " mails, got " + count());
        return all();
    }

    public int count() {
        MimeMessage[] messages = server.getReceivedMessages();
        return messages == null ? 0 : messages.length;
    }

    public List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            mails.add(Mail.of(message));
        }
        return mails;
    }

    /** One received mail: subject, recipients and both bodies. */
    public record Mail(String subject, List<String> to, String text, String html) {

        static Mail of(MimeMessage message) {
            try {
                Parts parts = new Parts();
                parts.collect(message);
                List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList();
                return new Mail(message.getSubject(), to, parts.text, parts.html);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }

        /** The action-token link of the plain-text body (the HTML body must hold the same one). */
        public String link() {
            assertNotNull(text, "the mail has a plain-text part");
            Matcher matcher = LINK.matcher(text);
            assertTrue(matcher.find(), () -> "no link in: " + text);
            return matcher.group(1);
        }

        /** The 6-digit code of the plain-text body. */
        public String code() {
            assertNotNull(text, "the mail has a plain-text part");
            Matcher matcher = CODE.matcher(text);
            assertTrue(matcher.find(), () -> "no 6-digit code in: " + text);
            return matcher.group(1);
        }

        /** The HTML body's link (href of the link to click), with entities as HTML writes them decoded. */
        public String htmlLink() {
            Matcher matcher = Pattern.compile("href=\"([^\"]+/login-actions/action-token\\?[^\"]+)\"").matcher(html);
            assertTrue(matcher.find(), () -> "no link in: " + html);
            return matcher.group(1).replace("&amp;", "&");
        }

        public String htmlCode() {
            Matcher matcher = Pattern.compile("id=\"kosmo-verify-code\">([0-9]{6})<").matcher(html);
            assertTrue(matcher.find(), () -> "no code in: " + html);
            return matcher.group(1);
        }

        public String htmlLanguage() {
            Matcher matcher = Pattern.compile("<html lang=\"([a-zA-Z-]+)\"").matcher(html);
            assertTrue(matcher.find(), () -> "no html lang in: " + html);
            return matcher.group(1);
        }

        public void assertSentTo(String address) {
            assertEquals(List.of(address), to);
        }
    }

    private static final class Parts {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body);
                }
            }
        }
    }
}
