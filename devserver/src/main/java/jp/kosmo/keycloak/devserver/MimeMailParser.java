package jp.kosmo.keycloak.devserver;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a received {@link MimeMessage} into a {@link ReceivedMail}: RFC 2047 headers (UTF-8, ISO-2022-JP, ...),
 * multipart/alternative and nested multiparts, quoted-printable / base64 bodies in any charset the JDK knows.
 */
final class MimeMailParser {

    private MimeMailParser() {
    }

    /**
     * @param envelopeRecipients the SMTP RCPT TO addresses, used when the mail has no To header
     */
    static ReceivedMail parse(MimeMessage message, List<String> envelopeRecipients, Instant receivedAt)
            throws MessagingException, IOException {
        String subject = decodeHeader(message.getHeader("Subject", null));
        String from = decodeHeader(message.getHeader("From", ", "));
        List<String> to = addresses(message.getHeader("To", ", "));
        if (to.isEmpty()) {
            to = envelopeRecipients;
        }

        Bodies bodies = new Bodies();
        collect(message, bodies);
        String text = bodies.text != null ? bodies.text : MailContent.htmlToText(bodies.html);
        List<String> links = MailContent.links(bodies.text, bodies.html);
        List<String> codes = MailContent.codes(text);
        return new ReceivedMail(0, receivedAt, from, to, subject, text, bodies.html, links, codes);
    }

    /** Decodes an RFC 2047 header value ({@code =?ISO-2022-JP?B?...?=}), unfolding it first; null becomes "". */
    static String decodeHeader(String raw) {
        if (raw == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(raw);
        try {
            return MimeUtility.decodeText(unfolded).strip();
        } catch (UnsupportedEncodingException e) {
            return unfolded.strip();
        }
    }

    /** Decoded addresses of an address header, e.g. {@code 山田 太郎 <taro@example.com>}. */
    static List<String> addresses(String rawHeader) {
        List<String> result = new ArrayList<>();
        if (rawHeader == null || rawHeader.isBlank()) {
            return result;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(MimeUtility.unfold(rawHeader), false)) {
                String personal = address.getPersonal();
                result.add(personal == null || personal.isBlank()
                        ? address.getAddress() : personal + " <" + address.getAddress() + ">");
            }
        } catch (AddressException e) {
            result.add(decodeHeader(rawHeader));
        }
        return result;
    }

    private static final class Bodies {
        String text;
        String html;
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
            return;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = normalizeNewlines(readText(part));
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = readText(part);
        }
    }

    /** Decoded text of a text/* part; falls back to UTF-8 when the declared charset is unknown to the JDK. */
    static String readText(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // fall through
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charsetOf(part));
        }
    }

    private static Charset charsetOf(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) {
                String javaName = MimeUtility.javaCharset(name);
                if (Charset.isSupported(javaName)) {
                    return Charset.forName(javaName);
                }
            }
        } catch (MessagingException | IllegalArgumentException e) {
            // use the default
        }
        return StandardCharsets.UTF_8;
    }

    private static String normalizeNewlines(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
