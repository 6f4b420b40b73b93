package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.support.DemoPortal;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo portal "KOSMO Web" (portal/, client kosmo-portal of the realm export) as the manual's stories end: the
 * first login started from the portal ends on its top page 「KOSMO Webログイン後のトップ画面」, and 【11】 ログアウト
 * signs the member out of the portal and of Keycloak. The portal runs in this JVM on 127.0.0.1:3000, the redirect URI
 * the realm export registers ({@link DemoPortal}, shared with every other story, which all start and end there).
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class PortalIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> MANUAL_SERVICES = List.of("医療情報", "人間ドック予約", "電子申請", "経費報告書作成",
            "健康診断予約");

    private URI portal;

    @BeforeEach
    void startPortal() {
        portal = DemoPortal.topPage(urls);
    }

    @Test
    @DisplayName("a first login from the portal ends on its top page; after ログアウト the next visit needs a login")
    void firstLoginEndsOnThePortalAndLogoutSignsOut() {
        String member = members.create("portal", "1979-08-22", PASSWORD);
        String top = portal + "?lang=ja";

        firstLogin.choosingEmailCodesFrom(top, member, PASSWORD);
        waitForTopPage();
        String services = browser.text(By.id("portal-services"));
        for (String service : MANUAL_SERVICES) {
            assertTrue(services.contains(service), "service " + service + " on the top page: " + services);
        }
        assertEquals("Travel Service 旅行情報のお知らせ", browser.text(By.id("portal-travel")));
        assertEquals("お知らせはありません。", browser.text(By.id("portal-notices")));
        assertEquals("Member Test 様", browser.text(By.id("portal-member")));
        assertEquals("メールで届くワンタイムパスワード", browser.text(By.id("portal-method")),
                "the method the member chose at 【8】");
        // Keycloak 26.7 puts no amr into the token for this flow (no reference values on its executions)
        assertTrue(browser.driver().findElements(By.id("portal-amr")).isEmpty(), "no amr line without amr");
        assertEquals(urls.account(), browser.driver().findElement(By.id("portal-account-console")).getAttribute("href"));

        // 【11】 ログアウト: RP-initiated logout at Keycloak, back on the portal's signed-out page
        assertEquals("ログアウト", browser.text(By.id("portal-logout")));
        browser.submitWith(By.id("portal-logout"));
        new WebDriverWait(browser.driver(), TIMEOUT)
                .withMessage(() -> "expected the signed-out page at " + browser.driver().getCurrentUrl())
                .until(d -> !d.findElements(By.id("portal-signed-out")).isEmpty());
        assertEquals("ログアウトしました", browser.text(By.id("portal-signed-out")));
        assertTrue(members.sessions(member).isEmpty(), "no Keycloak session left after logout");

        // the next visit needs a login again
        browser.driver().navigate().to(top);
        browser.waitForPageId(LoginPage.PAGE_ID);
    }

    @Test
    @DisplayName("the portal's top page in English with ?lang=en")
    void topPageInEnglish() {
        String member = members.create("portal-en", "1979-08-22", PASSWORD);
        firstLogin.choosingEmailCodesFrom(portal + "?lang=en", member, PASSWORD);
        waitForTopPage();
        assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.text(By.id("portal-services")).contains("Medical information"));
        assertEquals("Log out", browser.text(By.id("portal-logout")));
    }

    private void waitForTopPage() {
        new WebDriverWait(browser.driver(), TIMEOUT)
                .withMessage(() -> "expected the portal's top page but was " + browser.driver().getCurrentUrl()
                        + " (page " + browser.pageId() + ")")
                .until(d -> d.getCurrentUrl().startsWith(portal.toString())
                        && !d.findElements(By.id("portal-services")).isEmpty());
        WebElement brand = browser.driver().findElement(By.id("portal-brand"));
        assertEquals("KOSMO Web", brand.getText().trim());
    }
}
