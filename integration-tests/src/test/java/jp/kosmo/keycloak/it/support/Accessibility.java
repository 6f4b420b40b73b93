package jp.kosmo.keycloak.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Audits the page the browser shows, at the widths a member uses (a desktop window and a 390 px phone): axe-core's
 * WCAG 2.2 A/AA rules (serious and critical findings only), plus two checks axe does not make: every field error is
 * tied to its field ({@code aria-describedby}) and announced (inside {@code aria-live} or {@code role="alert"}).
 * Findings are collected, not thrown, so that one run of a story lists every page's problems; the page's
 * {@code <title>} is kept per page for the caller's own checks.
 */
public final class Accessibility {

    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    public static final List<Integer> WIDTHS = List.of(1280, 390);

    private static final List<String> BLOCKING = List.of("serious", "critical");

    /** In the browser: the field errors shown that no field names in aria-describedby, or that no live region holds. */
    private static final String UNTIED_ERRORS = """
            const problems = [];
            document.querySelectorAll('[id^="input-error-"]').forEach(e => {
              if (e.id.startsWith('input-error-container-') || !e.textContent.trim()) return;
              if (!document.querySelector('[aria-describedby~="' + e.id + '"]'))
                problems.push('#' + e.id + ': no field has aria-describedby="' + e.id + '"');
              if (!e.closest('[aria-live], [role="alert"]'))
                problems.push('#' + e.id + ': not inside aria-live or role="alert"');
            });
            return problems;""";

    private final Browser browser;
    private final List<String> findings = new ArrayList<>();
    private final List<Page> audited = new ArrayList<>();

    public Accessibility(Browser browser) {
        this.browser = browser;
    }

    /**
     * Audits the current page at both widths and leaves the window at the desktop width. {@code name} says which
     * page and state ("birthdate, wrong date") for the report; the title is recorded under the page id.
     */
    public void audit(String name) {
        browser.waitForDocumentReady();
        String pageId = browser.pageId();
        String title = browser.driver().getTitle();
        audited.add(new Page(name, pageId, title));
        try {
            for (int width : WIDTHS) {
                browser.setWindowWidth(width, width > 600 ? 1000 : 844);
                Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser.driver());
                if (results.getError() != null || results.getErrorMessage() != null) {
                    findings.add(name + " @" + width + "px: axe failed: " + results.getErrorMessage());
                }
                for (Rule rule : results.getViolations()) {
                    if (!BLOCKING.contains(rule.getImpact())) {
                        continue;
                    }
                    for (CheckedNode node : rule.getNodes()) {
                        findings.add(name + " @" + width + "px: " + rule.getId() + " (" + rule.getImpact() + ") "
                                + node.getTarget() + " — " + oneLine(node.getFailureSummary()));
                    }
                }
            }
        } finally {
            browser.setWindowWidth(WIDTHS.get(0), 1000);
        }
        @SuppressWarnings("unchecked")
        List<Object> untied = (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(UNTIED_ERRORS);
        untied.forEach(problem -> findings.add(name + ": " + problem));
    }

    /** Every finding so far, one a line: page, width, rule id, impact, target, what is wrong. */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    /** The pages audited so far, in order. */
    public List<Page> audited() {
        return List.copyOf(audited);
    }

    /** Titles that two different pages (page ids) share, as "title: page ids", for the failure message. */
    public List<String> sharedTitles() {
        Map<String, java.util.Set<String>> pagesByTitle = new TreeMap<>();
        audited.forEach(p -> pagesByTitle.computeIfAbsent(p.title(), t -> new java.util.TreeSet<>()).add(p.pageId()));
        return pagesByTitle.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).toList();
    }

    /** One audited page: what the test called it, its keycloak.v2 page id and its title. */
    public record Page(String name, String pageId, String title) {
        @Override
        public String toString() {
            return name + " [" + pageId + "] \"" + title + "\"";
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
