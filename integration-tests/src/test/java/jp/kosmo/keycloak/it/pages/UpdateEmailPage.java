package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Keycloak's update-email page (required action UPDATE_EMAIL, keycloak.v2 template under the kosmo theme) and the
 * info pages after it: "a confirmation mail was sent" and, from the link, "the address was updated".
 */
public final class UpdateEmailPage extends AbstractPage {

    public static final String PAGE_ID = "login-update-email";
    public static final String INFO_PAGE_ID = "login-info";

    private final Browser browser;

    public UpdateEmailPage(ManagedWebDriver driver) {
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

    public String heading() {
        return browser.text(By.id("kc-page-title"));
    }

    public String email() {
        return browser.driver().findElement(By.id("email")).getAttribute("value");
    }

    /** Types the address and submits; waits for the page that follows. */
    public void submit(String address) {
        assertCurrent();
        WebElement field = browser.driver().findElement(By.id("email"));
        field.clear();
        field.sendKeys(address);
        browser.submitWith(By.id("kc-submit"));
    }

    /** The whole visible text of the page (the info or alert line is somewhere in it). */
    public String pageText() {
        return browser.text(By.tagName("body"));
    }
}
