package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pages after the birthdate check: chooser 【8】, enrolment, new password 【9】, completion 【10】, and the codes of a
 * later login. The pages Keycloak itself renders (TOTP set-up, new password) are the test framework's page objects
 * ({@link TotpSetupPage}, {@link NewPasswordPage}); the order of the onboarding pages is {@link FirstLogin}'s.
 */
public final class OnboardingPages {

    public static final String CHOOSER = "login-kosmo-auth-method";
    public static final String PASSKEY_REGISTER = "login-webauthn-register";
    public static final String TOTP_SETUP = TotpSetupPage.PAGE_ID;
    public static final String UPDATE_PASSWORD = NewPasswordPage.PAGE_ID;
    public static final String COMPLETE = "login-kosmo-onboarding-complete";
    /** The onboarding's recovery-codes step after a passkey or app was enrolled (offered by default). */
    public static final String RECOVERY_CODES = "login-kosmo-recovery-codes";
    public static final String EMAIL_OTP = "login-kosmo-email-otp";
    public static final String OTP_LOGIN = "login-login-otp";
    public static final String PASSKEY_LOGIN = "login-webauthn-authenticate";

    private final Browser browser;

    public OnboardingPages(Browser browser) {
        this.browser = browser;
    }

    /** "ステップ 4 / 7", or "" on a page without the indicator. */
    public String step() {
        By step = By.id("kosmo-step");
        return browser.isPresent(step) ? browser.text(step) : "";
    }

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public java.util.List<String> offeredMethods() {
        return browser.driver().findElements(By.cssSelector("input[name='method']")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

    public String methodLabel(String method) {
        return browser.text(By.cssSelector("label[for='kosmo-method-" + method + "'] .kosmo-method-name"));
    }

    public void choose(String method) {
        browser.waitForPageId(CHOOSER);
        browser.driver().findElement(By.id("kosmo-method-" + method)).click();
        browser.submitWith(By.id("kc-auth-method-submit"));
    }

    public void registerPasskey(String deviceName) {
        browser.waitForPageId(PASSKEY_REGISTER);
        WebElement name = browser.driver().findElement(By.id("kosmoDeviceName"));
        name.clear();
        name.sendKeys(deviceName);
        browser.submitWith(By.id("registerWebAuthn"));
    }

    /** 「スキャンできませんか？」 → the key as the page shows it. */
    public String totpKeyFromUnableToScan() {
        return browser.page(TotpSetupPage.class).keyFromUnableToScan();
    }

    public String unableToScanLink() {
        return browser.page(TotpSetupPage.class).unableToScanLink();
    }

    public void submitTotp(String code, String deviceName) {
        browser.page(TotpSetupPage.class).submit(code, deviceName);
    }

    public void setNewPassword(String password) {
        browser.page(NewPasswordPage.class).set(password);
    }

    /** The offered recovery-codes page, put off with 「あとで」. */
    public void recoveryCodesLater() {
        browser.waitForPageId(RECOVERY_CODES);
        browser.submitWith(By.id("kosmo-recovery-codes-skip"));
    }

    /**
     * 【10】 完了. Right after a passkey or authenticator app was enrolled, the shipped realm first offers recovery codes
     * ({@link #RECOVERY_CODES}); that page is put off here with 「あとで」, as a member in a hurry would. Tests about the
     * recovery codes deal with that page themselves ({@link RecoveryPage}) before they call this.
     */
    public void complete() {
        if (RECOVERY_CODES.equals(browser.waitForOneOf(RECOVERY_CODES, COMPLETE))) {
            recoveryCodesLater();
        }
        browser.waitForPageId(COMPLETE);
        browser.submitWith(By.id("kc-complete-submit"));
    }

    public void enterEmailCode(String code) {
        browser.waitForPageId(EMAIL_OTP);
        WebElement field = browser.driver().findElement(By.id("otp"));
        field.clear();
        field.sendKeys(code);
        browser.submitWith(By.id("kc-email-otp-submit"));
    }

    public void resendEmailCode() {
        browser.waitForPageId(EMAIL_OTP);
        browser.submitWith(By.id("kc-email-otp-resend"));
    }

    public void enterAppCode(String code) {
        browser.waitForPageId(OTP_LOGIN);
        browser.driver().findElement(By.id("otp")).sendKeys(code);
        browser.submitWith(By.id("kc-login"));
    }

    public void signInWithPasskey() {
        browser.submitWith(By.id("authenticateWebAuthnButton"));
    }

    public String fieldError(String field) {
        By error = By.id("input-error-" + field);
        return browser.isPresent(error) ? browser.text(error) : "";
    }

    public String alert() {
        By alert = By.cssSelector(".pf-v5-c-alert.pf-m-danger, .pf-v5-c-alert.pf-m-error");
        return browser.isPresent(alert) ? browser.text(alert) : "";
    }
}
