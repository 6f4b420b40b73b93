package jp.kosmo.keycloak.devserver;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("MailContent (links and codes in a mail body)")
class MailContentTest {

    private static final String ACTION_LINK =
            "https://kosmo.example.org/realms/kosmo/login-actions/action-token?key=eyJhbGciOi.abc-_DEF&client_id=account&tab_id=Xy_1";

    @Nested
    @DisplayName("links")
    class Links {

        @Test
        @DisplayName("finds a Keycloak action link with its whole query string")
        void actionLink() {
            assertEquals(List.of(ACTION_LINK), MailContent.linksInText("次のリンクをクリックしてください。\n" + ACTION_LINK + "\n"));
        }

        @Test
        @DisplayName("stops at Japanese text that follows without a space")
        void japaneseRightAfter() {
            assertEquals(List.of("https://example.com/a?b=1"),
                    MailContent.linksInText("こちら https://example.com/a?b=1をクリック"));
        }

        @Test
        @DisplayName("drops sentence punctuation and wrapping brackets")
        void punctuation() {
            assertEquals(List.of("https://example.com/x", "http://example.org/y"),
                    MailContent.linksInText("See https://example.com/x. Or (http://example.org/y), please!"));
        }

        @Test
        @DisplayName("takes hrefs from the HTML part, unescaping &amp;, without duplicates")
        void fromHtml() {
            String text = "Link: " + ACTION_LINK;
            String html = "<p><a href=\"" + ACTION_LINK.replace("&", "&amp;") + "\">リンク</a>"
                    + " <a href='https://kosmo.example/help'>help</a> <a href=\"mailto:x@y\">mail</a></p>";
            assertEquals(List.of(ACTION_LINK, "https://kosmo.example/help"), MailContent.links(text, html));
        }

        @Test
        @DisplayName("finds nothing in text without links")
        void none() {
            assertTrue(MailContent.links("こんにちは", null).isEmpty());
        }
    }

    @Nested
    @DisplayName("codes")
    class Codes {

        @Test
        @DisplayName("finds 6, 7 and 8 digit numbers standing alone")
        void lengths() {
            assertEquals(List.of("123456", "1234567", "12345678"), MailContent.codes("a 123456 b 1234567 c 12345678"));
        }

        @Test
        @DisplayName("finds a code between Japanese characters")
        void japanese() {
            assertEquals(List.of("482913"), MailContent.codes("認証コード：482913です。10分間有効です。"));
            assertEquals(List.of("482913"), MailContent.codes("認証コード:482913"));
        }

        @Test
        @DisplayName("finds a code at the end of a sentence")
        void sentenceEnd() {
            assertEquals(List.of("482913"), MailContent.codes("Your code is 482913."));
        }

        @Test
        @DisplayName("ignores shorter and longer numbers and numbers glued to letters")
        void notCodes() {
            assertTrue(MailContent.codes("12345 123456789 abc123456 123456x 2026-11-24 03-1234-5678 1,234,567 3.141592").isEmpty());
        }

        @Test
        @DisplayName("ignores digits inside links")
        void insideLinks() {
            assertTrue(MailContent.codes("https://kosmo.example.org/x?ts=12345678&id=654321").isEmpty());
        }

        @Test
        @DisplayName("lists a repeated code once")
        void duplicates() {
            assertEquals(List.of("111222"), MailContent.codes("111222 / 111222"));
        }
    }

    @Nested
    @DisplayName("HTML to text")
    class HtmlToText {

        @Test
        @DisplayName("drops tags, styles and entities and keeps line breaks")
        void render() {
            String text = MailContent.htmlToText("<html><head><style>p{}</style></head><body><p>コード&nbsp;<b>123456</b></p>"
                    + "<p>A &amp; B &#x3042;&#12354;</p></body></html>");
            assertEquals("コード 123456\nA & B ああ\n", text);
            assertFalse(text.contains("p{}"));
        }
    }
}
