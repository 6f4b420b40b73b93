package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The authenticator-app set-up (Keycloak's configure-TOTP page in the kosmo theme): the test framework's page. */
public final class TotpSetupPage extends org.keycloak.testframework.ui.page.LoginConfigTotpPage {

    public static final String PAGE_ID = "login-login-config-totp";

    private final Browser browser;

    public TotpSetupPage(ManagedWebDriver driver) {
        super(driver);
        this.browser = Browser.of(driver);
    }

    @Override
    public void assertCurrent() {
        browser.waitForPageId(PAGE_ID);
    }

    /** 「スキャンできませんか？」 → the key as the page shows it to the member. */
    public String keyFromUnableToScan() {
        assertCurrent();
        browser.submitWith(By.id("mode-manual"));
        return browser.text(By.id("kc-totp-secret-key"));
    }

    public String unableToScanLink() {
        return browser.text(By.id("mode-manual"));
    }

    public void submit(String code, String deviceName) {
        assertCurrent();
        browser.driver().findElement(By.id("totp")).sendKeys(code);
        WebElement label = browser.driver().findElement(By.id("userLabel"));
        label.clear();
        label.sendKeys(deviceName);
        browser.submitWith(By.id("saveTOTPBtn"));
    }
}
