package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 【3】 生年月日の入力. */
public final class BirthdatePage extends AbstractPage {

    public static final String PAGE_ID = "login-kosmo-birthdate";

    private final Browser browser;

    public BirthdatePage(ManagedWebDriver driver) {
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

    public void enter(String birthdate) {
        assertCurrent();
        WebElement field = browser.driver().findElement(By.id("birthdate"));
        field.clear();
        field.sendKeys(birthdate);
        browser.submitWith(By.id("kc-birthdate-submit"));
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String instruction() {
        return browser.text(By.id("kosmo-birthdate-instruction"));
    }

    public String label() {
        return browser.text(By.cssSelector("label[for='birthdate']"));
    }

    public String placeholder() {
        return browser.driver().findElement(By.id("birthdate")).getAttribute("placeholder");
    }

    public String value() {
        return browser.driver().findElement(By.id("birthdate")).getAttribute("value");
    }

    public String button() {
        return browser.text(By.id("kc-birthdate-submit"));
    }

    public boolean hasForm() {
        return browser.isPresent(By.id("kc-birthdate-form"));
    }

    /** The message under the field, or "" when there is none. */
    public String fieldError() {
        return browser.isPresent(By.id("input-error-birthdate")) ? browser.text(By.id("input-error-birthdate")) : "";
    }

    /** The alert above the form (page-level message), or "" when there is none. */
    public String alert() {
        By alert = By.cssSelector(".pf-v5-c-alert.pf-m-danger");
        return browser.isPresent(alert) ? browser.text(alert) : "";
    }
}
