package jp.kosmo.keycloak.devserver;

import java.time.Instant;
import java.util.List;

/**
 * One mail the sink received, already decoded.
 *
 * @param id         1, 2, 3 ... in arrival order (0 until stored)
 * @param receivedAt arrival time
 * @param from       decoded From header
 * @param to         decoded To header addresses, or the SMTP envelope recipients when there is no To header
 * @param subject    decoded subject
 * @param text       the text/plain part, or a text rendering of the HTML part; never null
 * @param html       the text/html part, or null
 * @param links      http(s) links found in the mail, in order, without duplicates
 * @param codes      standalone 6-8 digit numbers (one-time codes)
 */
record ReceivedMail(int id, Instant receivedAt, String from, List<String> to, String subject, String text, String html,
                    List<String> links, List<String> codes) {

    ReceivedMail {
        to = List.copyOf(to);
        links = List.copyOf(links);
        codes = List.copyOf(codes);
    }

    ReceivedMail withId(int newId) {
        return new ReceivedMail(newId, receivedAt, from, to, subject, text, html, links, codes);
    }
}
