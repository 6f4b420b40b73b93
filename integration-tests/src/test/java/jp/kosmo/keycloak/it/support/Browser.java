package jp.kosmo.keycloak.it.support;

import java.net.URI;
import java.time.Duration;

import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a member does in the browser, with the waits a real page needs. No implicit waits anywhere. The server's
 * address comes from the test framework ({@code @InjectKeycloakUrls}); a page object's browser ({@link #of}) knows
 * no address and only waits and clicks.
 */
public final class Browser {

    public static final String REALM = "kosmo";
    /** The account console of the realm, as a path: the same on every server. */
    public static final String ACCOUNT_PATH = "/realms/" + REALM + "/account/";
    /** The demo portal "KOSMO Web" ({@link DemoPortal}), where the members' stories start and end. */
    public static final URI PORTAL = new jp.kosmo.keycloak.portal.PortalConfig(
            jp.kosmo.keycloak.portal.PortalConfig.DEFAULT_PORT, URI.create("http://localhost/realms/" + REALM),
            jp.kosmo.keycloak.portal.PortalConfig.DEFAULT_CLIENT_ID).baseUrl();
    /** The list of services on the portal's top page 「KOSMO Webログイン後のトップ画面」. */
    private static final By PORTAL_SERVICES = By.id("portal-services");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ManagedWebDriver managed;
    private final KosmoUrls urls;

    public Browser(ManagedWebDriver managed, KeycloakUrls urls) {
        this(managed, new KosmoUrls(urls));
    }

    public Browser(ManagedWebDriver managed, KosmoUrls urls) {
        this.managed = managed;
        this.urls = urls;
    }

    /** The waits and clicks of a page object, without the server's address (pages never navigate by address). */
    public static Browser of(ManagedWebDriver managed) {
        return new Browser(managed, (KosmoUrls) null);
    }

    public WebDriver driver() {
        return managed.driver();
    }

    public ManagedWebDriver managed() {
        return managed;
    }

    public KosmoUrls urls() {
        if (urls == null) {
            throw new IllegalStateException("a page object's browser knows no server address");
        }
        return urls;
    }

    /** A page object of the framework's kind ({@code AbstractPage}) on this browser, as {@code @InjectPage} makes it. */
    public <P extends AbstractPage> P page(Class<P> page) {
        return managed.page().createPage(page);
    }

    /** True when the URL is on the demo portal or in the account console, whatever the server's address. */
    public static boolean isPortal(String url) {
        return isDemoPortal(url) || isAccountConsole(url);
    }

    private static boolean isDemoPortal(String url) {
        try {
            URI uri = URI.create(url);
            return PORTAL.getScheme().equals(uri.getScheme()) && PORTAL.getHost().equals(uri.getHost())
                    && PORTAL.getPort() == uri.getPort() && "/".equals(uri.getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAccountConsole(String url) {
        try {
            String path = URI.create(url).getPath();
            return path != null && path.startsWith(ACCOUNT_PATH);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The member opens the portal KOSMO Web (in Japanese, as the letter's address does) and is sent to the login page. */
    public void openPortal() {
        driver().navigate().to(DemoPortal.topPage(urls()) + "?lang=ja");
        waitForPageId("login-login");
    }

    /** The member opens a relying party (the demo portal) that sends them to the login page. */
    public void openApp(String appUrl) {
        driver().navigate().to(appUrl);
        waitForPageId("login-login");
    }

    /**
     * Forgets every cookie of the Keycloak origin: the next visit starts a fresh login. A request the previous page
     * still had in flight (the portal finishing its own sign-in) can set the session cookies again after they were
     * deleted, so the deletion is repeated until a fresh page load shows no cookie left.
     */
    public void forgetSession() {
        String neutral = urls().realm(REALM) + "/.well-known/openid-configuration";
        new WebDriverWait(driver(), TIMEOUT)
                .withMessage(() -> "cookies keep coming back: " + driver().manage().getCookies())
                .until(d -> {
                    d.navigate().to(neutral);
                    d.manage().deleteAllCookies();
                    d.navigate().to(neutral);
                    return d.manage().getCookies().isEmpty();
                });
    }

    /** The keycloak.v2 page id ({@code body[data-page-id]}), or null while a page is loading or has none. */
    public String pageId() {
        try {
            Object id = ((JavascriptExecutor) driver()).executeScript(
                    "return document.body ? document.body.getAttribute('data-page-id') : null;");
            return id == null ? null : id.toString();
        } catch (WebDriverException navigating) {
            return null;
        }
    }

    public void waitForPageId(String pageId) {
        new WebDriverWait(driver(), TIMEOUT)
                .withMessage(() -> "expected page " + pageId + " but was " + pageId() + " at " + driver().getCurrentUrl())
                .until(d -> pageId.equals(pageId()));
    }

    /** Waits until one of the pages shows; returns its id. */
    public String waitForOneOf(String... pageIds) {
        java.util.List<String> wanted = java.util.List.of(pageIds);
        return new WebDriverWait(driver(), TIMEOUT)
                .withMessage(() -> "expected one of " + wanted + " but was " + pageId() + " at " + driver().getCurrentUrl())
                .until(d -> wanted.contains(pageId()) ? pageId() : null);
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    public void submitWith(By button) {
        submitting(() -> driver().findElement(button).click());
    }

    /** Runs what submits the page (a framework page's own submit) and waits until the next page has replaced it. */
    public void submitting(Runnable submit) {
        WebElement html = driver().findElement(By.tagName("html"));
        submit.run();
        new WebDriverWait(driver(), TIMEOUT).until(d -> isGone(html));
        waitForDocumentReady();
    }

    /**
     * Whether the page of {@code html} has been replaced. Selenium's {@code stalenessOf} expects a stale-element
     * error, but ChromeDriver sometimes answers a replaced page's element with "Node with given id does not belong to
     * the document" (an unknown error) instead: that means replaced too.
     */
    private static boolean isGone(WebElement html) {
        try {
            html.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public void waitForDocumentReady() {
        new WebDriverWait(driver(), TIMEOUT).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Waits until the member has got past the login and birthdate pages to whatever comes next (an onboarding
     * page or the portal), and fails if that is an error page.
     */
    public void waitForPastBirthdate() {
        new WebDriverWait(driver(), TIMEOUT)
                .withMessage(() -> "expected the page after the birthdate check but was " + pageId() + " at " + driver().getCurrentUrl())
                .until(d -> {
                    String page = pageId();
                    String url = d.getCurrentUrl();
                    boolean portal = isPortal(url) && (page == null || !page.startsWith("login-"));
                    return portal || (page != null && page.startsWith("login-") && !page.equals("login-login")
                            && !page.equals("login-kosmo-birthdate") && !page.equals("login-error"));
                });
    }

    /** Waits until the member is on the portal's top page 「KOSMO Webログイン後のトップ画面」, past every login page. */
    public void waitForPortal() {
        new WebDriverWait(driver(), TIMEOUT)
                .withMessage(() -> "expected the portal's top page but was page " + pageId() + " at " + driver().getCurrentUrl())
                .until(d -> isDemoPortal(d.getCurrentUrl()) && !d.findElements(PORTAL_SERVICES).isEmpty());
    }

    /** Waits until the account console (opened by address, for managing sign-in methods) has drawn a page. */
    public void waitForAccountConsole() {
        new WebDriverWait(driver(), TIMEOUT)
                .withMessage(() -> "expected the account console but was page " + pageId() + " at " + driver().getCurrentUrl())
                .until(d -> {
                    String url = d.getCurrentUrl();
                    String page = pageId();
                    return isAccountConsole(url) && !url.contains("/protocol/") && !url.contains("/login-actions/")
                            && (page == null || !page.startsWith("login-"));
                });
    }

    /**
     * Picks a language in the header's language menu of the current login page, as a member would, by its locale
     * tag, and waits until the page has come back in that language.
     */
    public void selectLanguage(String languageTag) {
        WebElement html = driver().findElement(By.tagName("html"));
        WebElement option = driver().findElement(
                By.cssSelector("#login-select-toggle option[value*='kc_locale=" + languageTag + "']"));
        new Select(driver().findElement(By.id("login-select-toggle"))).selectByValue(option.getAttribute("value"));
        new WebDriverWait(driver(), TIMEOUT).until(d -> isGone(html));
        waitForDocumentReady();
    }

    public String text(By by) {
        return driver().findElement(by).getText().trim();
    }

    public boolean isPresent(By by) {
        return !driver().findElements(by).isEmpty();
    }

    public void setWindowWidth(int width, int height) {
        driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Describes the elements that stick out to the right of the window (for failure messages). */
    public String overflowingElements() {
        Object result = ((JavascriptExecutor) driver()).executeScript(
                "const w = document.documentElement.clientWidth; const out = [];"
                        + "document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();"
                        + " if (r.right > w + 1 && out.length < 8) out.push(e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right)); });"
                        + "return 'window ' + w + ': ' + out.join(' | ');");
        return String.valueOf(result);
    }

    /** True when the page is wider than the window, so a member would have to scroll sideways. */
    public boolean scrollsHorizontally() {
        Object result = ((JavascriptExecutor) driver()).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
                        + " || document.body.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(result);
    }

    /** Saves what the window shows to {@code target/screenshots/<name>}, for a person to look at after the run. */
    public void saveScreenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
