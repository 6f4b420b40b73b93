package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 【5】 メールアドレスの設定 (required action kosmo-verified-email, first page). */
public final class VerifiedEmailPage extends AbstractPage {

    public static final String PAGE_ID = "login-kosmo-verified-email";

    private final Browser browser;

    public VerifiedEmailPage(ManagedWebDriver driver) {
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

    /** Types the address (replacing what is there), sets the checkbox as asked and presses 実行. */
    public void submit(String address, boolean signOutAllDevices) {
        assertCurrent();
        WebElement field = browser.driver().findElement(By.id("email"));
        field.clear();
        field.sendKeys(address);
        WebElement checkbox = browser.driver().findElement(By.id("logout-sessions"));
        if (checkbox.isSelected() != signOutAllDevices) {
            checkbox.click();
        }
        browser.submitWith(By.id("kc-verified-email-submit"));
    }

    public void submit(String address) {
        submit(address, false);
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String instruction() {
        return browser.text(By.id("kosmo-verified-email-instruction"));
    }

    /** The "* required fields" line above the form. */
    public String requiredFieldsNote() {
        return browser.text(By.cssSelector(".subtitle"));
    }

    public String label() {
        return browser.text(By.cssSelector("label[for='email']"));
    }

    public String value() {
        return browser.driver().findElement(By.id("email")).getAttribute("value");
    }

    public String checkboxLabel() {
        return browser.text(By.cssSelector("label[for='logout-sessions']"));
    }

    public boolean checkboxSelected() {
        return browser.driver().findElement(By.id("logout-sessions")).isSelected();
    }

    public String button() {
        return browser.text(By.id("kc-verified-email-submit"));
    }

    /** The message under the field, or "" when there is none. */
    public String fieldError() {
        return browser.isPresent(By.id("input-error-email")) ? browser.text(By.id("input-error-email")) : "";
    }

    /** The alert above the form (page-level message), or "" when there is none. */
    public String alert() {
        By alert = By.cssSelector(".pf-v5-c-alert.pf-m-danger");
        return browser.isPresent(alert) ? browser.text(alert) : "";
    }
}
