package jp.kosmo.keycloak.it.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every Content-Security-Policy violation Chromium reports while a test walks the pages. A listener for
 * {@code securitypolicyviolation} is installed through the DevTools protocol before any page script runs, on every
 * document and frame this browser loads from now on, so violations during page load count too. Each one is kept
 * in the tab's {@code sessionStorage} of Keycloak's origin, so it survives the navigation that follows.
 * {@link #close()} removes the listener and the records again, so later test classes sharing the browser see
 * nothing of it.
 */
public final class CspViolations implements AutoCloseable {

    private static final String KEY = "kosmo-it-csp-violations";
    private static final String LISTENER = "document.addEventListener('securitypolicyviolation', function (e) {"
            + " try {"
            + "  var seen = JSON.parse(sessionStorage.getItem('" + KEY + "') || '[]');"
            + "  seen.push(e.effectiveDirective + ' (' + e.disposition + ') blocked ' + (e.blockedURI || 'inline')"
            + "   + ' on ' + e.documentURI + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : ''));"
            + "  sessionStorage.setItem('" + KEY + "', JSON.stringify(seen));"
            + " } catch (ignored) { }"
            + "}, true);";

    private final WebDriver driver;
    private final String scriptId;

    private CspViolations(WebDriver driver, String scriptId) {
        this.driver = driver;
        this.scriptId = scriptId;
    }

    /** Starts recording in this Chromium (ChromeDriver speaks the DevTools protocol). */
    public static CspViolations record(WebDriver driver) {
        Map<String, Object> added = ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", LISTENER));
        return new CspViolations(driver, String.valueOf(added.get("identifier")));
    }

    /** What was reported so far (read from the current page, which must be on Keycloak's origin). */
    @SuppressWarnings("unchecked")
    public List<String> seen() {
        Object seen = ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(sessionStorage.getItem('" + KEY + "') || '[]');");
        return seen == null ? List.of() : (List<String>) seen;
    }

    /** Waits until a violation of {@code directive} has been reported (events are dispatched asynchronously). */
    public List<String> awaitViolationOf(String directive) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .withMessage(() -> "no " + directive + " violation reported; seen: " + seen())
                .until(d -> seen().stream().anyMatch(v -> v.startsWith(directive + " ")));
        return seen();
    }

    @Override
    public void close() {
        try {
            ((JavascriptExecutor) driver).executeScript("sessionStorage.removeItem('" + KEY + "');");
        } finally {
            ((HasCdp) driver).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", scriptId));
        }
    }
}
