package jp.kosmo.keycloak.it.support;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.keycloak.testframework.ui.webdriver.AbstractWebDriverSupplier;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.CapabilityType;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, with nothing downloaded at run time (Selenium
 * Manager is never asked) and no background network traffic. ChromeDriver implements
 * {@code HasVirtualAuthenticator}, which the passkey tests use.
 *
 * <p>Paths can be overridden with {@code -Dkosmo.chromium=...} and {@code -Dkosmo.chromedriver=...}.
 */
public final class KosmoChromiumWebDriverSupplier extends AbstractWebDriverSupplier {

    public static final String ALIAS = "kosmo-chromium";

    @Override
    public String getAlias() {
        return ALIAS;
    }

    @Override
    public WebDriver getWebDriver() {
        File driver = new File(System.getProperty("kosmo.chromedriver", "/usr/bin/chromedriver"));
        File browser = new File(System.getProperty("kosmo.chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !browser.canExecute()) {
            throw new IllegalStateException("Headless Chromium is needed: apt-get install -y chromium chromium-driver"
                    + " (looked for " + browser + " and " + driver + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--window-size=1280,1000",
                "--lang=ja-JP",
                "--remote-allow-origins=*");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en"));
        options.setCapability(CapabilityType.PAGE_LOAD_STRATEGY, PageLoadStrategy.NORMAL.toString());
        options.setImplicitWaitTimeout(Duration.ZERO);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
        return new ChromeDriver(service, options);
    }
}
