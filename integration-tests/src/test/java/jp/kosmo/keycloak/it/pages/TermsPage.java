package jp.kosmo.keycloak.it.pages;

import java.time.Duration;
import java.util.Map;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** 【4】 KOSMO Communication Web 利用規約 (required action kosmo-terms), and the page after declining. */
public final class TermsPage extends AbstractPage {

    public static final String PAGE_ID = "login-kosmo-terms";
    /** Keycloak's info page, which says why the member cannot go on after declining. */
    public static final String DECLINED_PAGE_ID = "login-info";

    private static final By TEXT = By.id("kosmo-terms-text");
    private static final By ACCEPT = By.id("kc-terms-accept");
    private static final By DECLINE = By.id("kc-terms-decline");

    private final Browser browser;

    public TermsPage(ManagedWebDriver driver) {
        super(driver);
        this.browser = Browser.of(driver);
    }

    @Override
    public String getExpectedPageId() {
        return PAGE_ID;
    }

    public void assertCurrent() {
        browser.waitForPageId(PAGE_ID);
    }

    public boolean isCurrent() {
        return PAGE_ID.equals(browser.pageId());
    }

    public void accept() {
        assertCurrent();
        browser.submitWith(ACCEPT);
    }

    public void decline() {
        assertCurrent();
        browser.submitWith(DECLINE);
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String instruction() {
        return browser.text(By.id("kosmo-terms-instruction"));
    }

    public String text() {
        return browser.text(TEXT);
    }

    /** The HTML inside the terms box, as the browser parsed it. */
    public String textHtml() {
        return browser.driver().findElement(TEXT).getDomProperty("innerHTML");
    }

    public String versionLabel() {
        return browser.text(By.id("kosmo-terms-version"));
    }

    public String acceptButton() {
        return browser.text(ACCEPT);
    }

    public String declineButton() {
        return browser.text(DECLINE);
    }

    public boolean showsRevisedNote() {
        return browser.isPresent(By.id("kosmo-terms-revised"));
    }

    /** The info alert above the form (e.g. the terms changed while the page was open), or "". */
    public String info() {
        By alert = By.cssSelector(".pf-v5-c-alert.pf-m-info:not(#kosmo-terms-revised)");
        return browser.isPresent(alert) ? browser.text(alert) : "";
    }

    /** True when the terms box scrolls on its own (its content is taller than the box, overflow-y auto/scroll). */
    public boolean textBoxScrolls() {
        Object result = ((JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.getElementById('kosmo-terms-text'); const s = getComputedStyle(e).overflowY;"
                        + "return (s === 'auto' || s === 'scroll') && e.scrollHeight > e.clientHeight + 1;");
        return Boolean.TRUE.equals(result);
    }

    /** The form as it is now: its target and fields, to post again later the way a stale page would. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> captureForm() {
        assertCurrent();
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(
                "const f = document.getElementById('kc-terms-form');"
                        + "return {action: f.action, version: f.elements['version'].value};");
    }

    /**
     * Posts a captured form again from whatever page is open, as 同意する on a page kept from earlier (browser
     * back, then submit) would: same target, same fields, same button.
     */
    public void resubmit(Map<String, Object> captured) {
        browser.waitForDocumentReady();
        WebElement html = browser.driver().findElement(By.tagName("html"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "const v = document.createElement('input'); v.type = 'hidden'; v.name = 'version'; v.value = arguments[1]; f.appendChild(v);"
                        + "const b = document.createElement('button'); b.type = 'submit'; b.name = 'accept'; f.appendChild(b);"
                        + "document.body.appendChild(f); f.requestSubmit(b);",
                captured.get("action"), captured.get("version"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(html));
        browser.waitForDocumentReady();
    }

    public String declinedHeading() {
        browser.waitForPageId(DECLINED_PAGE_ID);
        return browser.text(By.id("kc-page-title"));
    }

    public String declinedMessage() {
        browser.waitForPageId(DECLINED_PAGE_ID);
        return browser.text(By.cssSelector("#kc-info-message .instruction"));
    }
}
