package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * 【2】 The themed login page: the test framework's login page (Keycloak's own ids, which the kosmo theme keeps)
 * with what the kosmo theme adds (the notes, 「ユーザIDを忘れた方はこちら」) and the waits of a loaded machine.
 */
public final class LoginPage extends org.keycloak.testframework.ui.page.LoginPage {

    public static final String PAGE_ID = "login-login";

    private final Browser browser;

    public LoginPage(ManagedWebDriver driver) {
        super(driver);
        this.browser = Browser.of(driver);
    }

    @Override
    public void assertCurrent() {
        browser.waitForPageId(PAGE_ID);
    }

    public void logIn(String userId, String password) {
        assertCurrent();
        clearUsernameInput();
        fillLogin(userId, password);
        browser.submitWith(By.id("kc-login"));
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String label(String inputId) {
        return browser.text(By.cssSelector("label[for='" + inputId + "']"));
    }

    public String rememberMeLabel() {
        return browser.text(By.cssSelector("label[for='rememberMe']"));
    }

    public boolean hasRememberMe() {
        return browser.isPresent(By.cssSelector("input#rememberMe[type='checkbox']"));
    }

    public String forgotPasswordLink() {
        return browser.text(By.cssSelector("a[href*='login-actions/reset-credentials']"));
    }

    public boolean hasForgotUserIdLink() {
        return browser.isPresent(By.id("kc-forgot-user-id"));
    }

    public String forgotUserIdLink() {
        return browser.text(By.id("kc-forgot-user-id"));
    }

    /** Opens 「ユーザIDを忘れた方はこちら」. */
    public void openForgotUserId() {
        browser.submitWith(By.id("kc-forgot-user-id"));
    }

    public String loginButton() {
        return browser.text(By.id("kc-login"));
    }

    public String noteFirstTime() {
        return browser.text(By.id("kosmo-note-first-time"));
    }

    public String noteReturning() {
        return browser.text(By.id("kosmo-note-returning"));
    }

    public String error() {
        return browser.text(By.id("input-error-username"));
    }

    /** Picks a language in the header's language menu, as a member would, by its locale tag. */
    public void selectLanguage(String languageTag) {
        browser.selectLanguage(languageTag);
        browser.waitForPageId(PAGE_ID);
    }

    public String documentLanguage() {
        return browser.driver().findElement(By.tagName("html")).getAttribute("lang");
    }
}
