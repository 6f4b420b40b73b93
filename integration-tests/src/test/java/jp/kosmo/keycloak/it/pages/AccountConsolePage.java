package jp.kosmo.keycloak.it.pages;

import java.time.Duration;

import jp.kosmo.keycloak.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The portal's personal-info page (Keycloak's account console v3, {@code /realms/kosmo/account/}). */
public final class AccountConsolePage {

    /** Shown next to the email when Keycloak's update-email action is on: it starts that action. */
    private static final By UPDATE_EMAIL = By.id("update-email-btn");
    private static final By EMAIL = By.id("email");

    private final Browser browser;

    public AccountConsolePage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the personal-info page and waits until the form with the email has been drawn. */
    public void openPersonalInfo() {
        browser.driver().navigate().to(browser.urls().account());
        browser.waitForAccountConsole();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .withMessage(() -> "no email field on the personal-info page at " + browser.driver().getCurrentUrl())
                .until(ExpectedConditions.presenceOfElementLocated(EMAIL));
    }

    public String email() {
        return browser.driver().findElement(EMAIL).getAttribute("value");
    }

    /** False when the member cannot type into the email field (disabled or read-only). */
    public boolean emailEditable() {
        WebElement field = browser.driver().findElement(EMAIL);
        Object locked = ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].disabled || arguments[0].readOnly;", field);
        return !Boolean.TRUE.equals(locked);
    }

    public boolean hasUpdateEmail() {
        return browser.isPresent(UPDATE_EMAIL);
    }

    public String updateEmailLabel() {
        return browser.text(UPDATE_EMAIL);
    }

    /** The link next to the email: leaves the console for Keycloak's update-email page. */
    public void updateEmail() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(UPDATE_EMAIL));
        browser.driver().findElement(UPDATE_EMAIL).click();
        browser.waitForPageId(UpdateEmailPage.PAGE_ID);
    }
}
