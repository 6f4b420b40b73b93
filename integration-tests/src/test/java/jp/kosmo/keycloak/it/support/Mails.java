package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** Mails as the member reads them: recipient, subject, plain-text body. */
public final class Mails {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private final MailServer server;

    public Mails(MailServer server) {
        this.server = server;
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
    }

    /** Waits until {@code count} mails have reached this address and returns the newest. */
    public MimeMessage awaitMail(String address, int count) {
        long until = System.currentTimeMillis() + 15_000;
        while (to(address).size() < count && System.currentTimeMillis() < until) {
            Members.sleep(200);
        }
        List<MimeMessage> mails = to(address);
        assertTrue(mails.size() >= count, "expected " + count + " mails to " + address + " but got " + mails.size());
        return mails.get(mails.size() - 1);
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage mail) {
        try {
            return part(mail.getContent(), "text/plain");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String html(MimeMessage mail) {
        try {
            return part(mail.getContent(), "text/html");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first http(s) link in the plain-text body. */
    public static String link(MimeMessage mail) {
        Matcher matcher = Pattern.compile("https?://[^\\s\"<>]+").matcher(text(mail));
        assertTrue(matcher.find(), "no link in: " + text(mail));
        return matcher.group();
    }

    /** The six-digit code in the plain-text body. */
    public static String code(MimeMessage mail) {
        Matcher matcher = CODE.matcher(text(mail));
        assertTrue(matcher.find(), "no 6-digit code in: " + text(mail));
        return matcher.group(1);
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object content, String type) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return String.valueOf(part.getContent());
                }
                if (part.getContent() instanceof Multipart nested) {
                    String found = part(nested, type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        return "";
    }
}
