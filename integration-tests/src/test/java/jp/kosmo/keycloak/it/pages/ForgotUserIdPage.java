package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 「ユーザIDを忘れた方はこちら」: the page that mails a member their user ID. */
public final class ForgotUserIdPage extends AbstractPage {

    public static final String PAGE_ID = "login-kosmo-forgot-user-id";

    private final Browser browser;

    public ForgotUserIdPage(ManagedWebDriver driver) {
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

    public String heading() {
        browser.waitForPageId(PAGE_ID);
        return browser.text(By.id("kc-page-title"));
    }

    public String instruction() {
        return browser.text(By.id("kosmo-forgot-user-id-instruction"));
    }

    public String label(String inputId) {
        return browser.text(By.cssSelector("label[for='" + inputId + "']"));
    }

    public boolean hasBirthdateField() {
        return browser.isPresent(By.id("birthdate"));
    }

    public void submit(String email, String birthdate) {
        browser.waitForPageId(PAGE_ID);
        type("email", email);
        if (birthdate != null) {
            type("birthdate", birthdate);
        }
        browser.submitWith(By.id("kosmo-forgot-user-id-submit"));
    }

    public String sentText() {
        return browser.text(By.id("kosmo-forgot-user-id-sent"));
    }

    public String fieldError(String field) {
        return browser.text(By.id("input-error-" + field));
    }

    public String value(String inputId) {
        return browser.driver().findElement(By.id(inputId)).getAttribute("value");
    }

    public String backLink() {
        return browser.text(By.id("kosmo-back-to-login"));
    }

    public void backToLogin() {
        browser.driver().findElement(By.id("kosmo-back-to-login")).click();
    }

    private void type(String id, String value) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }
}
