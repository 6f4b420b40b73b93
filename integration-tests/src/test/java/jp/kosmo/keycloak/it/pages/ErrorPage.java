package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** Keycloak's error page in the kosmo theme (for example an expired mail link): the test framework's page. */
public final class ErrorPage extends org.keycloak.testframework.ui.page.ErrorPage {

    public static final String PAGE_ID = "login-error";

    private final Browser browser;

    public ErrorPage(ManagedWebDriver driver) {
        super(driver);
        this.browser = Browser.of(driver);
    }

    @Override
    public void assertCurrent() {
        browser.waitForPageId(PAGE_ID);
    }

    /** The message the member reads. */
    public String message() {
        return getError().trim();
    }
}
