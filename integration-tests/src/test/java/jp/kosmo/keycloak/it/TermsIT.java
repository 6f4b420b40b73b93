package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.BadRequestException;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.HttpBrowser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.TermsAdminApi;
import jp.kosmo.keycloak.it.support.TermsSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/** 【4】 Versioned terms of use (required action kosmo-terms) with its audit trail, on the shipped realm export. */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class TermsIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String TYPED_BIRTHDATE = "19790822";
    private static final String DECLINED_JA = "利用規約に同意いただけない場合はご利用いただけません。";

    /** The test framework's master-realm admin: may view the users of every realm. */
    @InjectAdminClient
    Keycloak adminClient;

    private BirthdatePage birthdate;
    private TermsPage terms;
    private TermsSettings settings;
    private TermsAdminApi api;

    @BeforeEach
    void setUp() {
        birthdate = browser.page(BirthdatePage.class);
        terms = browser.page(TermsPage.class);
        settings = new TermsSettings(realm.admin());
        api = new TermsAdminApi(urls, () -> adminClient.tokenManager().getAccessTokenString());
        HttpBrowser.ensureClient(realm.admin());
        browser.forgetSession();
        // 【8】 and the pages after it are covered by FirstLoginStoriesIT; here the member goes straight on
        members.enableRequiredAction("kosmo-auth-method", false);
    }

    private void logIn(String username, String password) {
        browser.forgetSession();
        browser.openPortal();
        login.logIn(username, password);
    }

    /** A member who signs in for the first time reaches the terms page (after the birthdate page). */
    private String memberOnTermsPage(String prefix) {
        String member = members.create(prefix, BIRTHDATE, PASSWORD);
        logIn(member, PASSWORD);
        birthdate.enter(TYPED_BIRTHDATE);
        terms.assertCurrent();
        return member;
    }

    /** A member who accepted version 1 through the login pages, without a browser (for tests about the records). */
    private String memberWhoAccepted(String prefix, HttpBrowser http) {
        String member = members.create(prefix, BIRTHDATE, PASSWORD);
        HttpBrowser.Page page = http.logIn(member, PASSWORD, TYPED_BIRTHDATE);
        HttpBrowser.expect(page, TermsPage.PAGE_ID);
        HttpBrowser.Page done = http.submit(page, "kc-terms-form", Map.of("accept", ""));
        assertTrue(done.isCallback(), () -> "expected the client callback, was " + done.uri() + " " + done.pageId());
        return member;
    }

    private String id(String username) {
        return members.find(username).getId();
    }

    @Test
    @DisplayName("first login of the letter member: birthdate page, then the terms page; 同意する continues to the new password; version, time and exactly one row are recorded")
    void firstLogin() {
        logIn("testuser01", "Kosmo-19790822");
        birthdate.enter(TYPED_BIRTHDATE);

        terms.assertCurrent();
        assertEquals("KOSMO Communication Web 利用規約", terms.heading());
        assertEquals("以下の利用規約をお読みいただき、同意いただける場合は「同意する」を押してください。", terms.instruction());
        assertTrue(terms.text().contains("第1条(適用)"), terms.text());
        assertEquals("第1版", terms.versionLabel());
        assertEquals("同意する", terms.acceptButton());
        assertEquals("同意しない", terms.declineButton());
        assertFalse(terms.showsRevisedNote());

        Instant before = Instant.now().minusSeconds(5);
        terms.accept();
        // testuser01 has no email on file: 【5】 comes next (required-action order of the realm export)
        browser.waitForPageId("login-kosmo-verified-email");

        assertEquals("1", members.attribute("testuser01", "kosmoTermsVersion"));
        String acceptedAt = members.attribute("testuser01", "kosmoTermsAcceptedAt");
        assertNotNull(acceptedAt);
        assertTrue(Instant.parse(acceptedAt).isAfter(before), acceptedAt);

        String userId = id("testuser01");
        List<Map<String, Object>> rows = api.ofMember(userId);
        assertEquals(1, rows.size(), rows::toString);
        Map<String, Object> row = rows.get(0);
        assertEquals("1", row.get("termsVersion"));
        assertEquals(userId, row.get("userId"));
        assertEquals("testuser01", row.get("username"));
        assertEquals(acceptedAt, row.get("acceptedAt"), "the row and the member agree on the time (UTC)");
        assertFalse(String.valueOf(row.get("clientIp")).isBlank(), row::toString);
        assertTrue(String.valueOf(row.get("userAgent")).contains("Chrome"), row::toString);

        List<EventRepresentation> events = members.events("testuser01", EventType.CUSTOM_REQUIRED_ACTION.name()).stream()
                .filter(e -> "kosmo-terms".equals(e.getDetails().get(Details.CUSTOM_REQUIRED_ACTION))).toList();
        assertEquals(1, events.size(), "one event for one acceptance (Keycloak's own, with our detail): " + events);
        assertEquals("1", events.get(0).getDetails().get("kosmo_terms_version"), events::toString);
    }

    @Test
    @DisplayName("同意しない: a clear message, no session (the portal asks to log in again), nothing recorded, asked again at the next login")
    void decline() {
        String member = memberOnTermsPage("decline");
        Map<String, Object> stale = terms.captureForm();
        terms.decline();

        assertEquals("利用規約に同意いただけませんでした", terms.declinedHeading());
        assertTrue(terms.declinedMessage().startsWith(DECLINED_JA), terms.declinedMessage());
        String userId = id(member);
        assertTrue(api.ofMember(userId).isEmpty(), "nothing recorded");
        assertNull(members.attribute(member, "kosmoTermsVersion"));
        assertTrue(members.user(member).getUserSessions().isEmpty(), "no session");
        List<EventRepresentation> errors = members.events(member, EventType.CUSTOM_REQUIRED_ACTION_ERROR.name());
        assertTrue(errors.stream().anyMatch(e -> Errors.REJECTED_BY_USER.equals(e.getError())
                && "1".equals(e.getDetails().get("kosmo_terms_version"))), errors::toString);

        // going back and pressing 同意する on the old page (kept by Chromium, or posted again) starts a fresh login
        browser.driver().navigate().back();
        browser.waitForDocumentReady();
        if (terms.isCurrent()) {
            terms.accept();
        } else {
            terms.resubmit(stale);
        }
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertTrue(api.ofMember(userId).isEmpty(), "a stale 同意する after declining records nothing");

        // the portal (same browser, cookies kept) asks for the login again
        browser.openPortal();
        assertTrue(members.user(member).getUserSessions().isEmpty(), "still no session");

        login.logIn(member, PASSWORD);
        terms.assertCurrent();
        terms.accept();
        browser.waitForPortal();
        assertEquals(1, api.ofMember(userId).size());
    }

    @Test
    @DisplayName("a member with a browser session who declines revised terms is signed out of it")
    void declineEndsExistingSession() {
        HttpBrowser http = new HttpBrowser(urls, Browser.REALM);
        String member = memberWhoAccepted("decline-sso", http);
        assertEquals(1, members.user(member).getUserSessions().size());

        String previous = settings.setVersion("2");
        try {
            HttpBrowser.Page page = http.open();
            HttpBrowser.expect(page, TermsPage.PAGE_ID);
            page = http.submit(page, "kc-terms-form", Map.of("decline", ""));
            HttpBrowser.expect(page, TermsPage.DECLINED_PAGE_ID);
            assertTrue(page.body().contains(DECLINED_JA));

            assertTrue(members.user(member).getUserSessions().isEmpty(), "the existing session is ended");
            HttpBrowser.expect(http.open(), LoginPage.PAGE_ID);
            assertEquals("1", members.attribute(member, "kosmoTermsVersion"), "the earlier acceptance stays on record");
            assertEquals(List.of("1"), api.ofMember(id(member)).stream().map(r -> r.get("termsVersion")).toList());
        } finally {
            settings.setVersion(previous);
        }
    }

    @Test
    @DisplayName("raising the version in the required action's configuration asks again at the next login; after 同意する there are two rows")
    void versionRaised() {
        String member = memberOnTermsPage("raise");
        terms.accept();
        browser.waitForPortal();
        String userId = id(member);
        assertEquals(1, api.ofMember(userId).size());

        logIn(member, PASSWORD);
        browser.waitForPortal();

        String previous = settings.setVersion("2");
        try {
            logIn(member, PASSWORD);
            terms.assertCurrent();
            assertTrue(terms.showsRevisedNote());
            assertEquals("第2版", terms.versionLabel());
            terms.accept();
            browser.waitForPortal();

            List<Map<String, Object>> rows = api.ofMember(userId);
            assertEquals(List.of("1", "2"), rows.stream().map(r -> r.get("termsVersion")).toList());
            assertEquals("2", members.attribute(member, "kosmoTermsVersion"));

            logIn(member, PASSWORD);
            browser.waitForPortal();
            assertEquals(2, api.ofMember(userId).size());
        } finally {
            settings.setVersion(previous);
        }
    }

    @Test
    @DisplayName("the admin console refuses a version that is blank or not letters, digits, dot, hyphen, underscore")
    void adminRefusesBadVersion() {
        assertThrows(BadRequestException.class, () -> settings.setVersion("第3版"));
        assertThrows(BadRequestException.class, () -> settings.setVersion(" "));
        assertEquals("1", settings.version());
    }

    @Test
    @DisplayName("terms revised while the page was open: 同意する shows the current text instead of recording the old one")
    void revisedWhileReading() {
        String member = memberOnTermsPage("reading");
        String previous = settings.setVersion("2");
        try {
            terms.accept();
            terms.assertCurrent();
            assertEquals("ご覧いただいている間に利用規約が改定されました。最新の内容をご確認ください。", terms.info());
            assertEquals("第2版", terms.versionLabel());
            assertTrue(api.ofMember(id(member)).isEmpty());

            terms.accept();
            browser.waitForPortal();
            assertEquals(List.of("2"), api.ofMember(id(member)).stream().map(r -> r.get("termsVersion")).toList());
        } finally {
            settings.setVersion(previous);
        }
    }

    @Test
    @DisplayName("admin REST: a realm admin with view-users gets the rows and the CSV; a member gets 403, no token 401, an unknown member 404")
    void adminRest() {
        HttpBrowser adminBrowser = new HttpBrowser(urls, Browser.REALM);
        String auditor = members.create("auditor", BIRTHDATE, PASSWORD);
        settings.grantViewUsers(id(auditor));
        HttpBrowser.Page page = adminBrowser.logIn(auditor, PASSWORD, TYPED_BIRTHDATE);
        page = adminBrowser.submit(page, "kc-terms-form", Map.of("accept", ""));
        String auditorToken = adminBrowser.exchangeCode(page);

        HttpBrowser memberBrowser = new HttpBrowser(urls, Browser.REALM);
        String member = members.create("member", BIRTHDATE, PASSWORD);
        page = memberBrowser.logIn(member, PASSWORD, TYPED_BIRTHDATE);
        page = memberBrowser.submit(page, "kc-terms-form", Map.of("accept", ""));
        String memberToken = memberBrowser.exchangeCode(page);
        String memberId = id(member);

        TermsAdminApi asAuditor = new TermsAdminApi(urls, () -> auditorToken);
        List<Map<String, Object>> rows = asAuditor.ofMember(memberId);
        assertEquals(1, rows.size());
        assertEquals(member, rows.get(0).get("username"));
        assertEquals("1", rows.get(0).get("termsVersion"));

        TermsAdminApi.Reply csv = asAuditor.get(TermsAdminApi.versionPath("1") + ".csv");
        assertEquals(200, csv.status(), csv.text());
        assertEquals("text/csv;charset=utf-8", csv.contentType().replace(" ", "").toLowerCase());
        String text = csv.text();
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 byte order mark for Excel");
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertEquals("username,user_id,terms_version,accepted_at_utc,client_ip,user_agent", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(member + "," + memberId + ",1,")), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(auditor + ",")), text);
        assertEquals(asAuditor.countOfVersion("1") + 1, lines.size(), "a header row and one row per acceptance");
        assertTrue(csv.headers().getOrDefault("content-disposition", List.of("")).get(0).contains("kosmo-terms-1.csv"));

        TermsAdminApi asMember = new TermsAdminApi(urls, () -> memberToken);
        for (String path : List.of(TermsAdminApi.userPath(memberId), TermsAdminApi.versionPath("1"),
                TermsAdminApi.versionPath("1") + "/count", TermsAdminApi.versionPath("1") + ".csv")) {
            assertEquals(403, asMember.get(path).status(), path);
            assertEquals(401, new TermsAdminApi(urls, null).get(path).status(), path);
        }

        assertEquals(404, asAuditor.get(TermsAdminApi.userPath(UUID.randomUUID().toString())).status());
        for (String query : List.of("?max=abc", "?first=-1", "?max=0", "?max=1001")) {
            TermsAdminApi.Reply reply = asAuditor.get(TermsAdminApi.versionPath("1") + query);
            assertEquals(400, reply.status(), query + " " + reply.text());
        }
    }

    @Test
    @DisplayName("a CSV export is an admin event: ACTION on USER with the export's path, version, window, row count and who exported; a refused export records nothing")
    void csvExportIsAdminEvent() {
        String version = "audit-" + System.currentTimeMillis();
        String previous = settings.setVersion(version);
        try {
            String path = "kosmo-terms/versions/" + version + "/acceptances.csv";
            String auditor = members.create("auditor", BIRTHDATE, PASSWORD);
            settings.grantViewUsers(id(auditor));
            String auditorToken = tokenAfterAccepting(auditor);
            String memberToken = tokenAfterAccepting(members.create("member", BIRTHDATE, PASSWORD));
            assertEquals(List.of(), exportEvents(path));

            assertEquals(403, new TermsAdminApi(urls, () -> memberToken).get(TermsAdminApi.versionPath(version) + ".csv").status());
            TermsAdminApi.Reply csv = new TermsAdminApi(urls, () -> auditorToken).get(TermsAdminApi.versionPath(version) + ".csv?max=50");
            assertEquals(200, csv.status(), csv.text());
            assertEquals(3, csv.text().split("\r\n").length, "header + the auditor's and the member's acceptance");

            List<AdminEventRepresentation> events = awaitExportEvents(path);
            assertEquals(1, events.size(), "one event for the export, none for the refused one: " + events);
            AdminEventRepresentation event = events.get(0);
            assertEquals("ACTION", event.getOperationType());
            assertEquals("USER", event.getResourceType());
            assertEquals(path, event.getResourcePath());
            assertEquals(id(auditor), event.getAuthDetails().getUserId());
            assertEquals(realm.admin().toRepresentation().getId(), event.getAuthDetails().getRealmId());
            assertEquals(Map.of("kosmo_terms_version", version, "kosmo_first", "0", "kosmo_max", "50", "kosmo_rows", "2"),
                    event.getDetails());
        } finally {
            settings.setVersion(previous);
        }
    }

    /** A new login of {@code username} that accepts the current terms; the access token of that login. */
    private String tokenAfterAccepting(String username) {
        HttpBrowser http = new HttpBrowser(urls, Browser.REALM);
        HttpBrowser.Page page = http.logIn(username, PASSWORD, TYPED_BIRTHDATE);
        HttpBrowser.expect(page, TermsPage.PAGE_ID);
        page = http.submit(page, "kc-terms-form", Map.of("accept", ""));
        return http.exchangeCode(page);
    }

    /** The realm's admin events of operation ACTION on this resource path (admin REST GET .../admin-events). */
    private List<AdminEventRepresentation> exportEvents(String path) {
        return realm.admin().getAdminEvents(List.of("ACTION"), null, null, null, null, path, null, null, 0, 100);
    }

    /** Admin events are stored with the request's transaction; allow a moment for the store all the same. */
    private List<AdminEventRepresentation> awaitExportEvents(String path) {
        Instant until = Instant.now().plusSeconds(10);
        List<AdminEventRepresentation> events = exportEvents(path);
        while (events.isEmpty() && Instant.now().isBefore(until)) {
            Members.sleep(200);
            events = exportEvents(path);
        }
        return events;
    }

    @Test
    @DisplayName("admin REST paging: 250 acceptances of one version come back in pages (first/max), complete, in time order, without overlap")
    void paging() {
        String version = "paging-" + System.currentTimeMillis();
        String previous = settings.setVersion(version);
        try {
            HttpBrowser http = new HttpBrowser(urls, Browser.REALM);
            String member = memberWhoAccepted("paging", http);
            // the admin asks the member (signed in, with a browser session) to accept again, 249 more times
            for (int i = 1; i < 250; i++) {
                UserRepresentation user = members.find(member);
                user.setRequiredActions(List.of(TermsSettings.ACTION));
                members.user(member).update(user);
                HttpBrowser.Page page = http.open();
                HttpBrowser.expect(page, TermsPage.PAGE_ID);
                page = http.submit(page, "kc-terms-form", Map.of("accept", ""));
                assertTrue(page.isCallback(), "acceptance " + i + " ended at " + page.uri());
            }

            assertEquals(250, api.countOfVersion(version));
            List<Map<String, Object>> all = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int first = 0; ; first += 100) {
                List<Map<String, Object>> page = api.ofVersion(version, first, 100);
                if (page.isEmpty()) {
                    break;
                }
                sizes.add(page.size());
                all.addAll(page);
            }
            assertEquals(List.of(100, 100, 50), sizes);
            Set<Object> ids = new HashSet<>();
            all.forEach(r -> ids.add(r.get("id")));
            assertEquals(250, ids.size(), "no row twice, none missing");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(Instant.parse((String) all.get(i - 1).get("acceptedAt"))
                        .compareTo(Instant.parse((String) all.get(i).get("acceptedAt"))) <= 0, "oldest first");
            }
            assertEquals(all.subList(120, 130), api.ofVersion(version, 120, 10), "any window is a slice of the whole");
            assertEquals(List.of(), api.ofVersion(version, 250, 100));

            TermsAdminApi.Reply csv = api.get(TermsAdminApi.versionPath(version) + ".csv");
            assertEquals(251, csv.text().split("\r\n").length, "the CSV holds all 250 rows and a header");
            TermsAdminApi.Reply window = api.get(TermsAdminApi.versionPath(version) + ".csv?first=240&max=20");
            assertEquals(11, window.text().split("\r\n").length, "a CSV page: header + the last 10 rows");
        } finally {
            settings.setVersion(previous);
        }
    }

    @Test
    @DisplayName("deleting the member deletes their rows")
    void deletingMemberDeletesRows() {
        String member = memberWhoAccepted("delete", new HttpBrowser(urls, Browser.REALM));
        String userId = id(member);
        assertEquals(1, api.ofMember(userId).size());
        long before = api.countOfVersion("1");

        realm.admin().users().get(userId).remove();

        assertEquals(404, api.get(TermsAdminApi.userPath(userId)).status());
        assertEquals(before - 1, api.countOfVersion("1"));
        List<Map<String, Object>> rest = api.ofVersion("1", 0, 1000);
        assertTrue(rest.stream().noneMatch(r -> userId.equals(r.get("userId"))), "no row of the deleted member is left");
    }

    @Test
    @DisplayName("deleting a realm deletes its rows (a realm re-created with the same id starts without any)")
    void deletingRealmDeletesRows() throws IOException {
        String name = "kosmo-terms-realm-delete";
        String realmId = UUID.randomUUID().toString();
        RealmRepresentation rep = shippedRealm();
        rep.setId(realmId);
        rep.setRealm(name);
        try {
            adminClient.realms().create(rep);
            HttpBrowser.ensureClient(adminClient.realm(name));
            Members there = new Members(adminClient.realm(name));
            there.enableRequiredAction("kosmo-auth-method", false);
            String member = there.create("realm-del", BIRTHDATE, PASSWORD);
            HttpBrowser http = new HttpBrowser(urls, name);
            HttpBrowser.Page page = http.logIn(member, PASSWORD, TYPED_BIRTHDATE);
            page = http.submit(page, "kc-terms-form", Map.of("accept", ""));
            assertTrue(page.isCallback());
            TermsAdminApi inRealm = new TermsAdminApi(urls, () -> adminClient.tokenManager().getAccessTokenString(), name);
            assertEquals(1, inRealm.countOfVersion("1"));

            adminClient.realm(name).remove();
            adminClient.realms().create(shippedRealmWith(realmId, name));
            assertEquals(0, inRealm.countOfVersion("1"), "the rows went with the realm");
        } finally {
            try {
                adminClient.realm(name).remove();
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                // nothing to clean up
            }
        }
    }

    private static RealmRepresentation shippedRealm() throws IOException {
        try (InputStream in = TermsIT.class.getResourceAsStream("/kosmo-realm.json")) {
            return new ObjectMapper().readValue(in, RealmRepresentation.class);
        }
    }

    private static RealmRepresentation shippedRealmWith(String id, String name) throws IOException {
        RealmRepresentation rep = shippedRealm();
        rep.setId(id);
        rep.setRealm(name);
        rep.setUsers(List.of());
        return rep;
    }

    @Test
    @DisplayName("a stale 同意する (browser back, then submit again) creates no second row")
    void staleResubmission() {
        // an address on file and verified, so the page after the terms is the new password (【5】-【7】 skipped)
        members.update("testuser02", user -> {
            user.setEmail("testuser02@example.com");
            user.setEmailVerified(true);
        });
        logIn("testuser02", "Kosmo-19850315");
        birthdate.enter("19850315");
        Map<String, Object> stale = terms.captureForm();
        terms.accept();
        browser.waitForPageId("login-login-update-password");
        String userId = id("testuser02");
        assertEquals(1, api.ofMember(userId).size());

        // while the next page (new password) is open: back shows the terms page again (Chromium keeps it), 同意する
        browser.driver().navigate().back();
        browser.waitForDocumentReady();
        String backPage = browser.pageId();
        if (terms.isCurrent()) {
            terms.accept();
        } else {
            terms.resubmit(stale);
        }
        String afterPage = browser.pageId();
        assertEquals(1, api.ofMember(userId).size(), () -> "back showed " + backPage + ", the stale post " + afterPage);
        assertTrue(afterPage != null && afterPage.startsWith("login-"), () -> "a login page, not a server error: " + afterPage);

        // and again once the member is in the portal
        logIn("testuser02", "Kosmo-19850315");
        browser.waitForPageId("login-login-update-password");
        browser.driver().findElement(By.id("password-new")).sendKeys("New-Password-123");
        browser.driver().findElement(By.id("password-confirm")).sendKeys("New-Password-123");
        browser.submitWith(By.id("kc-submit"));
        browser.waitForPortal();
        browser.driver().navigate().back();
        terms.resubmit(stale);
        assertEquals(1, api.ofMember(userId).size(), () -> "after the portal, the stale post showed " + browser.pageId());
        assertEquals("1", members.attribute("testuser02", "kosmoTermsVersion"));
    }

    @Test
    @DisplayName("fits a 390 px wide phone: no sideways scrolling, the terms scroll inside their box, both buttons reachable")
    void phone() {
        browser.setWindowWidth(390, 844);
        memberOnTermsPage("phone");
        assertFalse(browser.scrollsHorizontally(), () -> "the terms page scrolls sideways at 390 px: " + browser.overflowingElements());
        assertTrue(terms.textBoxScrolls(), "the terms text scrolls inside its box");
        assertTrue(browser.driver().findElement(By.id("kc-terms-accept")).isDisplayed());
        assertTrue(browser.driver().findElement(By.id("kc-terms-decline")).isDisplayed());
        terms.decline();
        assertFalse(browser.scrollsHorizontally(), () -> "the declined page scrolls sideways at 390 px: " + browser.overflowingElements());
    }

    @Test
    @DisplayName("in English for a member who chose English, including the decline message")
    void english() {
        String member = members.create("en", BIRTHDATE, PASSWORD);
        browser.forgetSession();
        browser.openPortal();
        login.selectLanguage("en");
        login.logIn(member, PASSWORD);
        birthdate.enter(TYPED_BIRTHDATE);
        terms.assertCurrent();
        assertEquals("KOSMO Communication Web Terms of Use", terms.heading());
        assertEquals("I agree", terms.acceptButton());
        assertEquals("I do not agree", terms.declineButton());
        assertEquals("Version 1", terms.versionLabel());
        assertTrue(terms.text().contains("Article 1 (Scope)"), terms.text());
        terms.decline();
        assertTrue(terms.declinedMessage().startsWith("You cannot use the service without agreeing to the terms of use."),
                terms.declinedMessage());
    }

    @Test
    @DisplayName("the admin replaces title and text through the realm's localization overrides, without redeploying")
    void adminReplacesText() {
        var localization = realm.admin().localization();
        try {
            localization.saveRealmLocalizationText("ja", "kosmoTermsTitle", "テスト組合 利用規約");
            localization.saveRealmLocalizationText("ja", "kosmoTermsText",
                    "<h2>第1条</h2><p>組合の規約本文です。</p><script>alert(1)</script>");
            memberOnTermsPage("override");
            assertEquals("テスト組合 利用規約", terms.heading());
            assertEquals("第1条\n組合の規約本文です。", terms.text());
            assertFalse(terms.textHtml().contains("script"), "scripts are removed from the text");
        } finally {
            localization.deleteRealmLocalizationText("ja", "kosmoTermsTitle");
            localization.deleteRealmLocalizationText("ja", "kosmoTermsText");
        }
    }
}
