package jp.kosmo.keycloak.devserver;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Mailbox rendering (HTML pages and JSON)")
class MailboxRenderingTest {

    private static final ReceivedMail HOSTILE = new ReceivedMail(7, Instant.EPOCH, "a <a@b>", List.of("c@d"),
            "<script>alert('件名')</script>", "本文 & <b>", "<p onclick=\"x()\">HTML & more</p><script>evil()</script>",
            List.of("https://x.example/?a=1&b=\"2\""), List.of("123456"));

    @Nested
    @DisplayName("HTML pages")
    class Pages {

        @Test
        @DisplayName("escape every value taken from the mail")
        void escapes() {
            String page = MailboxPages.detail(HOSTILE) + MailboxPages.index(List.of(HOSTILE), 1025);
            assertFalse(page.contains("<script>"));
            assertFalse(page.contains("onclick=\"x()\""));
            assertTrue(page.contains("&lt;script&gt;alert(&#39;件名&#39;)&lt;/script&gt;"));
            assertTrue(page.contains("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\""));
            assertTrue(page.contains("<pre>本文 &amp; &lt;b&gt;</pre>"));
        }

        @Test
        @DisplayName("put the HTML part into a sandboxed srcdoc iframe without script permission")
        void sandbox() {
            String page = MailboxPages.detail(HOSTILE);
            assertTrue(page.contains("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\""
                    + "&lt;base target=&quot;_blank&quot;&gt;&lt;p onclick=&quot;x()&quot;&gt;HTML &amp; more"));
            assertFalse(page.contains("allow-scripts"));
            assertFalse(page.contains("allow-same-origin"));
        }
    }

    @Nested
    @DisplayName("JSON")
    class JsonOutput {

        @Test
        @DisplayName("escapes quotes, backslashes, newlines and control characters and keeps Japanese as is")
        void string() {
            assertEquals("\"a\\\"b\\\\c\\nd\\u0001日本\"", Json.string("a\"b\\c\nd\u0001日本"));
        }

        @Test
        @DisplayName("lists id, to, subject, text, links and codes")
        void mails() {
            String json = Json.mails(List.of(HOSTILE));
            assertTrue(json.contains("\"id\":7"));
            assertTrue(json.contains("\"to\":[\"c@d\"]"));
            assertTrue(json.contains("\"links\":[\"https://x.example/?a=1&b=\\\"2\\\"\"]"));
            assertTrue(json.contains("\"codes\":[\"123456\"]"));
        }
    }

    @Nested
    @DisplayName("realm file")
    class Realm {

        @Test
        @DisplayName("yields the SMTP port of the realm, quoted or not")
        void smtpPort() {
            assertEquals(1025, RealmFile.smtpPort("{\"realm\":\"kosmo\",\"smtpServer\":{\"host\":\"localhost\",\"port\":\"1025\"}}").getAsInt());
            assertEquals(2525, RealmFile.smtpPort("{\"smtpServer\" : { \"port\" : 2525 }}").getAsInt());
            assertTrue(RealmFile.smtpPort("{\"realm\":\"kosmo\"}").isEmpty());
        }
    }
}
