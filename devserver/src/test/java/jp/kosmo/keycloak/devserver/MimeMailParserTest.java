package jp.kosmo.keycloak.devserver;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("MimeMailParser (decoding received mails)")
class MimeMailParserTest {

    private static String b64(String s, String charset) throws Exception {
        return Base64.getEncoder().encodeToString(s.getBytes(charset));
    }

    private static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Nested
    @DisplayName("headers")
    class Headers {

        @Test
        @DisplayName("decodes an ISO-2022-JP subject")
        void iso2022jp() throws Exception {
            String raw = "=?ISO-2022-JP?B?" + b64("パスワードの再設定", "ISO-2022-JP") + "?=";
            assertEquals("パスワードの再設定", MimeMailParser.decodeHeader(raw));
        }

        @Test
        @DisplayName("decodes a folded UTF-8 subject made of several encoded words")
        void utf8Folded() throws Exception {
            String raw = "=?UTF-8?B?" + b64("メールアドレスの", "UTF-8") + "?=\r\n =?UTF-8?Q?=E7=A2=BA=E8=AA=8D?=";
            assertEquals("メールアドレスの確認", MimeMailParser.decodeHeader(raw));
        }

        @Test
        @DisplayName("leaves plain ASCII alone and turns null into an empty string")
        void plain() {
            assertEquals("Verify email", MimeMailParser.decodeHeader("Verify email"));
            assertEquals("", MimeMailParser.decodeHeader(null));
        }

        @Test
        @DisplayName("decodes a Japanese display name in an address header")
        void addresses() throws Exception {
            String raw = "=?UTF-8?B?" + b64("山田 太郎", "UTF-8") + "?= <taro@example.com>, hanako@example.com";
            assertEquals(List.of("山田 太郎 <taro@example.com>", "hanako@example.com"), MimeMailParser.addresses(raw));
        }
    }

    @Nested
    @DisplayName("a Keycloak-like multipart/alternative mail")
    class Multipart {

        private final String link = "https://kosmo.example.org/realms/kosmo/login-actions/action-token?key=abc&client_id=account";

        private MimeMessage keycloakMail() throws Exception {
            return message("""
                    From: =?UTF-8?B?%s?= <noreply@kosmo.example>
                    To: testuser01@kosmo.example
                    Subject: =?UTF-8?B?%s?=
                    MIME-Version: 1.0
                    Content-Type: multipart/alternative; boundary="b1"

                    --b1
                    Content-Type: text/plain; charset=UTF-8
                    Content-Transfer-Encoding: quoted-printable

                    %s
                    --b1
                    Content-Type: text/html; charset=UTF-8
                    Content-Transfer-Encoding: base64

                    %s
                    --b1--
                    """.formatted(b64("コスモ", "UTF-8"), b64("メールアドレスの確認", "UTF-8"),
                    quotedPrintable("確認コード: 482913\n" + link + "\n"),
                    b64("<p>確認コード: <b>482913</b></p><a href=\"" + link.replace("&", "&amp;") + "\">確認</a>", "UTF-8")));
        }

        @Test
        @DisplayName("yields subject, from, to, text, html, the link and the code")
        void parse() throws Exception {
            ReceivedMail mail = MimeMailParser.parse(keycloakMail(), List.of("envelope@x"), Instant.EPOCH);
            assertEquals("メールアドレスの確認", mail.subject());
            assertEquals("コスモ <noreply@kosmo.example>", mail.from());
            assertEquals(List.of("testuser01@kosmo.example"), mail.to());
            assertEquals("確認コード: 482913\n" + link + "\n", mail.text());
            assertTrue(mail.html().contains("<b>482913</b>"));
            assertEquals(List.of(link), mail.links());
            assertEquals(List.of("482913"), mail.codes());
        }

        @Test
        @DisplayName("uses the envelope recipients when there is no To header, and the HTML as text when there is no text part")
        void htmlOnly() throws Exception {
            MimeMessage message = message("""
                    Subject: =?ISO-2022-JP?B?%s?=
                    Content-Type: text/html; charset=ISO-2022-JP
                    Content-Transfer-Encoding: base64

                    %s
                    """.formatted(b64("ログイン", "ISO-2022-JP"), b64("<p>コード 765432</p>", "ISO-2022-JP")));
            ReceivedMail mail = MimeMailParser.parse(message, List.of("c@d"), Instant.EPOCH);
            assertEquals("ログイン", mail.subject());
            assertEquals(List.of("c@d"), mail.to());
            assertEquals("コード 765432\n", mail.text());
            assertEquals(List.of("765432"), mail.codes());
        }

        @Test
        @DisplayName("treats a mail without MIME headers as plain text")
        void plain() throws Exception {
            ReceivedMail mail = MimeMailParser.parse(message("Subject: hi\n\nhello 123456\n"), List.of("c@d"), Instant.EPOCH);
            assertEquals("hello 123456\n", mail.text());
            assertNull(mail.html());
            assertEquals(List.of("123456"), mail.codes());
        }

        private String quotedPrintable(String s) {
            StringBuilder out = new StringBuilder();
            int lineLength = 0;
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                String piece;
                if (b == '\n') {
                    out.append('\n');
                    lineLength = 0;
                    continue;
                } else if (b >= 33 && b <= 126 && b != '=') {
                    piece = String.valueOf((char) b);
                } else if (b == ' ') {
                    piece = " ";
                } else {
                    piece = String.format("=%02X", b & 0xff);
                }
                if (lineLength + piece.length() > 72) {
                    out.append("=\n");  // soft line break
                    lineLength = 0;
                }
                out.append(piece);
                lineLength += piece.length();
            }
            return out.toString();
        }
    }
}
