package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** 【9】 The new password (Keycloak's update-password page in the kosmo theme): the test framework's page. */
public final class NewPasswordPage extends org.keycloak.testframework.ui.page.LoginPasswordUpdatePage {

    public static final String PAGE_ID = "login-login-update-password";

    private final Browser browser;

    public NewPasswordPage(ManagedWebDriver driver) {
        super(driver);
        this.browser = Browser.of(driver);
    }

    @Override
    public void assertCurrent() {
        browser.waitForPageId(PAGE_ID);
    }

    /** Types the password twice and submits; returns when the next page has loaded. */
    public void set(String password) {
        assertCurrent();
        browser.submitting(() -> changePassword(password, password));
    }
}
