package jp.kosmo.keycloak.it.dist;

import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoChromiumWebDriverSupplier;
import jp.kosmo.keycloak.it.support.KosmoUrls;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** The tests' headless Debian Chromium ({@link KosmoChromiumWebDriverSupplier}) outside the test framework. */
public final class Chromium implements AutoCloseable {

    private final ManagedWebDriver driver;

    private Chromium(ManagedWebDriver driver) {
        this.driver = driver;
    }

    public static Chromium open() {
        return new Chromium(new ManagedWebDriver(new KosmoChromiumWebDriverSupplier().getWebDriver()));
    }

    public ManagedWebDriver driver() {
        return driver;
    }

    /** The member's browser on the server at {@code baseUrl} (a node, or the proxy in front of the cluster). */
    public Browser browserAt(String baseUrl) {
        Browser browser = new Browser(driver, new KosmoUrls(baseUrl));
        browser.setWindowWidth(1280, 1000);
        return browser;
    }

    @Override
    public void close() {
        driver.driver().quit();
    }
}
