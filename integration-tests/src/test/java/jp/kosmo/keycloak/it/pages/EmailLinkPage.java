package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/** 【6】 the mail's link, opened in some browser: "verify this address?", then "verified, go back". */
public final class EmailLinkPage extends AbstractPage {

    public static final String PAGE_ID = "login-kosmo-verified-email-link";

    private final Browser browser;

    public EmailLinkPage(ManagedWebDriver driver) {
        super(driver);
        this.browser = Browser.of(driver);
    }

    @Override
    public String getExpectedPageId() {
        return PAGE_ID;
    }

    @Override
    public void assertCurrent() {
        browser.waitForPageId(PAGE_ID);
    }

    public void open(String link) {
        browser.driver().navigate().to(link);
        browser.waitForPageId(PAGE_ID);
    }

    /** CONFIRM, VERIFIED, ALREADY_VERIFIED or STALE. */
    public String state() {
        browser.waitForPageId(PAGE_ID);
        return browser.driver().findElement(By.id("kosmo-verified-email-link")).getAttribute("data-state");
    }

    public void confirm() {
        browser.waitForPageId(PAGE_ID);
        browser.submitWith(By.id("kosmo-verified-email-link-confirm"));
        browser.waitForPageId(PAGE_ID);
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String text() {
        return browser.text(By.id("kosmo-verified-email-link-text"));
    }

    public String address() {
        return browser.text(By.id("kosmo-verified-email-address"));
    }

    /** True when the page offers a way into the application or a login (it must not). */
    public boolean hasLinkAway() {
        return browser.isPresent(By.id("backToApplication")) || browser.isPresent(By.cssSelector("form[action*='login-actions/authenticate']"));
    }
}
