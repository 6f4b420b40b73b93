package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.openqa.selenium.By;

/** Keycloak's error page in the kosmo theme (for example an expired mail link). */
public final class ErrorPage {

    public static final String PAGE_ID = "login-error";

    private final Browser browser;

    public ErrorPage(Browser browser) {
        this.browser = browser;
    }

    public void assertCurrent() {
        browser.waitForPageId(PAGE_ID);
    }

    public String message() {
        return browser.text(By.id("kc-error-message"));
    }
}
