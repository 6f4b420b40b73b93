package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** 【2】 The themed login page. */
public final class LoginPage {

    public static final String PAGE_ID = "login-login";

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
    }

    public void logIn(String userId, String password) {
        browser.waitForPageId(PAGE_ID);
        WebElement username = browser.driver().findElement(By.id("username"));
        username.clear();
        username.sendKeys(userId);
        browser.driver().findElement(By.id("password")).sendKeys(password);
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
