package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** 【2】 The login page as a member sees it, on the shipped realm export. */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class LoginPageIT extends KosmoTestBase {


    @BeforeEach
    void open() {
        browser.forgetSession();
        browser.openPortal();
    }

    @AfterEach
    void backToJapanese() {
        browser.forgetSession();
    }

    @Test
    @DisplayName("shows every element of 【2】 in Japanese")
    void japanese() {
        assertEquals("<日本工営>KOSMO Communication Web(加入者)", login.heading());
        assertEquals("ユーザID", login.label("username"));
        assertEquals("パスワード", login.label("password"));
        assertTrue(login.hasRememberMe());
        assertEquals("ログイン状態の保存", login.rememberMeLabel());
        assertEquals("パスワードを忘れた方はこちら", login.forgotPasswordLink());
        assertEquals("ログイン", login.loginButton());
        assertEquals("初めて利用する方 : 健康保険組合からのユーザID・パスワード通知をご参照ください。", login.noteFirstTime());
        assertEquals("過去にご利用がある方 : ユーザIDは従来より変更ございませんが、パスワードは「記号+番号+生年月日」にリセットしています。",
                login.noteReturning());
        assertEquals("ユーザIDを忘れた方はこちら", login.forgotUserIdLink());
    }

    @Test
    @DisplayName("switches to English")
    void english() {
        login.selectLanguage("en");
        assertEquals("en", login.documentLanguage());
        assertEquals("User ID", login.label("username"));
        assertEquals("Password", login.label("password"));
        assertEquals("Keep me signed in", login.rememberMeLabel());
        assertEquals("Forgot your password?", login.forgotPasswordLink());
        assertEquals("Forgot your user ID?", login.forgotUserIdLink());
        assertEquals("Log in", login.loginButton());
        assertTrue(login.noteFirstTime().startsWith("First time here : "), login.noteFirstTime());
        assertTrue(login.noteReturning().startsWith("Used the service before : "), login.noteReturning());
        login.selectLanguage("ja");
        assertEquals("ユーザID", login.label("username"));
    }

    @Test
    @DisplayName("fits a 390 px wide phone without horizontal scrolling")
    void phone() {
        browser.setWindowWidth(390, 844);
        browser.driver().navigate().refresh();
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertFalse(browser.scrollsHorizontally(), () -> "the login page scrolls sideways at 390 px: " + browser.overflowingElements());
    }

    @Test
    @DisplayName("a wrong password is answered on the same page")
    void wrongPassword() {
        login.logIn("testuser01", "not-the-password");
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertEquals("ユーザIDまたはパスワードが正しくありません。", login.error());
    }

    @Test
    @DisplayName("the admin changes heading and notes without redeploying")
    void adminChangesTexts() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        String displayName = rep.getDisplayName();
        try {
            rep.setDisplayName("<テスト組合>KOSMO Communication Web(加入者)");
            realm.admin().update(rep);
            realm.admin().localization().saveRealmLocalizationText("ja", "kosmoLoginNoteFirstTime",
                    "組合から届いた通知をご覧ください。");

            browser.driver().navigate().refresh();
            browser.waitForPageId(LoginPage.PAGE_ID);
            assertEquals("<テスト組合>KOSMO Communication Web(加入者)", login.heading());
            assertEquals("初めて利用する方 : 組合から届いた通知をご覧ください。", login.noteFirstTime());
        } finally {
            rep.setDisplayName(displayName);
            realm.admin().update(rep);
            realm.admin().localization().deleteRealmLocalizationText("ja", "kosmoLoginNoteFirstTime");
        }
        browser.driver().navigate().refresh();
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertEquals("<日本工営>KOSMO Communication Web(加入者)", login.heading());
    }
}
