package jp.kosmo.keycloak.it.pages;

import java.util.List;

import jp.kosmo.keycloak.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The recovery after a changed or lost phone: the link on the second-factor pages, the page of the authenticator
 * kosmo-phone-recovery (a recovery code, or the mailed code + birthdate), and Keycloak's recovery-codes page.
 */
public final class RecoveryPage {

    public static final String PAGE_ID = "login-kosmo-phone-recovery";
    public static final String RECOVERY_CODES_ONBOARDING = OnboardingPages.RECOVERY_CODES;

    private final Browser browser;

    public RecoveryPage(Browser browser) {
        this.browser = browser;
    }

    public String linkText() {
        return browser.text(By.id("kosmo-recovery-link"));
    }

    public boolean hasLink() {
        return browser.isPresent(By.id("kosmo-recovery-link"));
    }

    /** 「スマートフォンを変更した・認証できない方はこちら」 on the current second-factor page. */
    public void start() {
        browser.submitWith(By.id("kosmo-recovery-link"));
        browser.waitForPageId(PAGE_ID);
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String instruction() {
        return browser.text(By.id("kosmo-recovery-instruction"));
    }

    public void enterMailCodeAndBirthdate(String code, String birthdate) {
        browser.waitForPageId(PAGE_ID);
        type("otp", code);
        type("birthdate", birthdate);
        browser.submitWith(By.id("kc-recovery-submit"));
    }

    public void enterRecoveryCode(String code) {
        browser.waitForPageId(PAGE_ID);
        type("recoveryCode", code);
        browser.submitWith(By.id("kc-recovery-submit"));
    }

    public String fieldError(String field) {
        By error = By.id("input-error-" + field);
        return browser.isPresent(error) ? browser.text(error) : "";
    }

    public String alert() {
        By alert = By.cssSelector(".pf-v5-c-alert.pf-m-danger, .pf-v5-c-alert.pf-m-error");
        return browser.isPresent(alert) ? browser.text(alert) : "";
    }

    /** The onboarding's recovery-codes page (kosmo-recovery-codes): the codes as shown. */
    public List<String> onboardingCodes() {
        browser.waitForPageId(RECOVERY_CODES_ONBOARDING);
        return browser.driver().findElements(By.cssSelector("#kosmo-recovery-codes-list li")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    public void saveOnboardingCodes(boolean ticked) {
        browser.waitForPageId(RECOVERY_CODES_ONBOARDING);
        if (ticked) {
            browser.driver().findElement(By.id("kosmoSaved")).click();
        }
        browser.submitWith(By.id("kosmo-recovery-codes-save"));
    }

    public boolean hasSkipButton() {
        return browser.isPresent(By.id("kosmo-recovery-codes-skip"));
    }

    public boolean hasPrintButton() {
        return browser.isPresent(By.id("kosmo-recovery-codes-print"));
    }

    private void type(String id, String value) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
