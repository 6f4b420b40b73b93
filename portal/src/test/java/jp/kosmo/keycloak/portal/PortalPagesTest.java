package jp.kosmo.keycloak.portal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top page shows the manual's screen, escapes what comes from the token, and picks the member's language. */
class PortalPagesTest {

    private static PortalSessions.Member member(String name, List<String> amr, String method) {
        return new PortalSessions.Member(name, "testuser01", amr, "1", method, null, "a1b2c3", "sid-1");
    }

    @Test
    void topPageHasTheManualsServicesAndEscapesTheName() {
        String html = PortalPages.top(PortalTexts.of("ja"), member("<script>x</script>", List.of(), "email-otp"),
                "csrf\"token", "http://localhost:8080/realms/kosmo/account/");
        for (String text : List.of("医療情報", "人間ドック予約", "電子申請", "経費報告書作成", "健康診断予約",
                "Travel Service 旅行情報のお知らせ", "お知らせはありません。", "健康保険組合", "ログアウト",
                "メールで届くワンタイムパスワード")) {
            assertTrue(html.contains(text), text);
        }
        assertFalse(html.contains("<script>x"), "the name is escaped");
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt; 様"));
        assertTrue(html.contains("value=\"csrf&quot;token\""));
        assertFalse(html.contains("portal-amr"), "no amr line when the token has none");
    }

    @Test
    void amrValuesAreNamedOrShownAsTheyAre() {
        String html = PortalPages.signedInWith(PortalTexts.of("en"), member("x", List.of("pwd", "odd<"), null));
        assertTrue(html.contains("password, odd&lt;"), html);
        assertTrue(html.contains("not set up"), html);
        assertTrue(html.startsWith("Sign-in method: "), html);
        assertTrue(html.contains(" / Signed in this time with: "), html);
    }

    @Test
    void languageFromParameterThenAcceptLanguageThenJapanese() {
        assertEquals("en", PortalTexts.pick("en", "ja"));
        assertEquals("ja", PortalTexts.pick("fr", null));
        assertEquals("en", PortalTexts.pick(null, "fr-FR,en-US;q=0.8,ja;q=0.5"));
        assertEquals("ja", PortalTexts.pick(null, "ja-JP,en;q=0.5"));
        assertEquals("ja", PortalTexts.pick(null, "not a header;;"));
    }

    @Test
    void everyKeyExistsInBothLanguages() throws java.io.IOException {
        assertEquals(keys("portal-messages.properties"), keys("portal-messages_en.properties"));
    }

    private static java.util.Set<Object> keys(String file) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = PortalPagesTest.class.getResourceAsStream(file)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new java.util.TreeSet<>(properties.keySet());
    }
}
