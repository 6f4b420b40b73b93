package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 【6】/【7】 the mail was sent: the code, 「メールを再送信」, change the address, continue after the link. */
public final class EmailCodePage extends AbstractPage {

    public static final String PAGE_ID = "login-kosmo-verified-email-code";

    private final Browser browser;

    public EmailCodePage(ManagedWebDriver driver) {
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

    public void enterCode(String code) {
        assertCurrent();
        WebElement field = browser.driver().findElement(By.id("code"));
        field.clear();
        field.sendKeys(code);
        browser.submitWith(By.id("kosmo-verified-email-verify"));
    }

    public void resend() {
        assertCurrent();
        browser.submitWith(By.id("kosmo-verified-email-resend"));
    }

    public void changeAddress() {
        assertCurrent();
        browser.submitWith(By.id("kosmo-verified-email-change"));
    }

    public void continueAfterLink() {
        assertCurrent();
        browser.submitWith(By.id("kosmo-verified-email-continue"));
    }

    /** The browser's reload button. */
    public void refresh() {
        browser.driver().navigate().refresh();
        browser.waitForDocumentReady();
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String address() {
        return browser.text(By.id("kosmo-verified-email-address"));
    }

    public String codeLabel() {
        return browser.text(By.cssSelector("label[for='code']"));
    }

    public String resendButton() {
        return browser.text(By.id("kosmo-verified-email-resend"));
    }

    public String resendHint() {
        return browser.text(By.id("kosmo-verified-email-resend-hint"));
    }

    public String changeButton() {
        return browser.text(By.id("kosmo-verified-email-change"));
    }

    public String continueButton() {
        return browser.text(By.id("kosmo-verified-email-continue"));
    }

    public String fieldError() {
        return browser.isPresent(By.id("input-error-code")) ? browser.text(By.id("input-error-code")) : "";
    }

    /** The alert above the forms of the given kind ("danger", "success", "warning"), or "" when there is none. */
    public String alert(String kind) {
        By alert = By.cssSelector(".pf-v5-c-alert.pf-m-" + kind);
        return browser.isPresent(alert) ? browser.text(alert) : "";
    }
}
