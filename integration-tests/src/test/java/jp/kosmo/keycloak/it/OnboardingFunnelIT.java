package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.MetricsEndpoint;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Lockouts;
import jp.kosmo.keycloak.it.support.RosterApi;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Issue 17: the onboarding funnel ({@code /admin/realms/kosmo/kosmo-onboarding/funnel}). Members come in through the
 * roster import; each is walked in Chromium to a different step (one stuck at every step, one locked for good, one
 * disabled by its 資格喪失日, one done), then the counts, the stuck list of every step and its CSV are checked, filtered
 * by the import (the realm's demo members are left out) and by date.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class OnboardingFunnelIT extends KosmoTestBase {

    private static final AtomicInteger SYMBOLS = new AtomicInteger(7700);
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";
    private static final int WAIT_SECONDS = 3;

    @InjectAdminClient
    Keycloak adminClient;

    private RosterApi roster;
    private RosterApi funnel;
    private Lockouts lockouts;

    @BeforeEach
    void setUp() {
        roster = new RosterApi(urls, () -> adminClient.tokenManager().getAccessTokenString());
        funnel = new RosterApi(urls, () -> adminClient.tokenManager().getAccessTokenString(), "kosmo-onboarding");
        lockouts = new Lockouts(members);
        browser.forgetSession();
        // a short lockout wait, so the permanent lockout is reached with small moves of the server clock
        realm.updateWithCleanup(r -> r.update(rep -> rep.setWaitIncrementSeconds(WAIT_SECONDS)));
    }

    /** One member per step, by 番号: who they are and what the test does with them. */
    private record Member(String number, String name, String username, String password) {
    }

    @Test
    @DisplayName("one member stuck at each step, one locked, one disabled, one done: counts, stuck lists, CSV, cache, filters")
    void funnelOfOneImport() {
        String s = String.valueOf(SYMBOLS.incrementAndGet());
        String file = RosterImportIT.HEADER
                + s + ",1001,01,青木 一郎,アオキ イチロウ,S54.08.22,,\r\n"     // letter only, then locked for good
                + s + ",1002,01,井上 二郎,イノウエ ジロウ,S54.08.22,,\r\n"     // 【2】 password, stops at 【3】
                + s + ",1003,01,上田 三郎,ウエダ サブロウ,S54.08.22,,\r\n"     // 【3】 birthdate, stops at 【4】
                + s + ",1004,01,江藤 四郎,エトウ シロウ,S54.08.22,,\r\n"       // 【4】 terms, stops at 【5】
                + s + ",1005,01,小川 五郎,オガワ ゴロウ,S54.08.22,,\r\n"       // verified address, stops at 【8】
                + s + ",1006,01,加藤 六郎,カトウ ロクロウ,S54.08.22,,\r\n"     // email codes chosen, stops at 【9】
                + s + ",1007,01,木村 七郎,キムラ シチロウ,S54.08.22,,\r\n"     // the whole onboarding with the app
                + s + ",1008,01,久保 八郎,クボ ハチロウ,S54.08.22,,R6.3.31\r\n"; // 資格喪失日: disabled, no letter
        Map<String, Object> report = roster.run(file.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(7, ((Number) report.get("created")).intValue(), report.toString());
        assertEquals(1, ((Number) report.get("disabled")).intValue(), report.toString());
        String job = (String) report.get("id");
        Map<String, String> passwords = credentials(job);
        Map<String, Member> m = new HashMap<>();
        for (UserRepresentation user : realm.admin().users().searchByAttributes(0, 100, null, false, "insuranceSymbol:" + s)) {
            String number = user.getAttributes().get("insuranceNumber").get(0);
            m.put(number, new Member(number, user.getLastName() + " " + user.getFirstName(), user.getUsername(),
                    passwords.get(user.getUsername())));
        }
        assertEquals(8, m.size());

        // straight after the import: every letter issued, nobody further; asked again at once, the cached count
        Map<String, Object> fresh = funnel("job=" + job);
        assertEquals(8L, number(fresh.get("members")));
        assertEquals(reached(7, 0, 0, 0, 0, 0, 0), reached(fresh));
        assertEquals(fresh.get("countedAt"), funnel("job=" + job).get("countedAt"), "the same question within 30 s: the node's count");

        // the same walk moves the kosmo_ counters on the management interface's /metrics
        MetricsEndpoint metrics = new MetricsEndpoint(keycloakUrls);
        MetricsEndpoint.Scrape before = metrics.scrape();

        for (String number : List.of("1005", "1006", "1007")) {
            String username = m.get(number).username();
            members.update(username, u -> {
                u.setEmail(username + "@example.com");
                u.setEmailVerified(true);
            });
        }
        Member b = m.get("1002");
        firstLogin.logIn(b.username(), b.password());
        browser.waitForPageId(BirthdatePage.PAGE_ID);

        Member c = m.get("1003");
        firstLogin.logIn(c.username(), c.password());
        browser.page(BirthdatePage.class).enter(FirstLogin.BIRTHDATE_TYPED);
        browser.waitForPageId(TermsPage.PAGE_ID);

        Member d = m.get("1004");
        VerifiedEmailPage gate = firstLogin.untilVerifiedEmail(d.username(), d.password(), FirstLogin.BIRTHDATE_TYPED);
        gate.assertCurrent();

        Member e = m.get("1005");
        firstLogin.untilChooser(e.username(), e.password());

        Member f = m.get("1006");
        firstLogin.untilChooser(f.username(), f.password());
        pages.choose("email-otp");
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);

        Member g = m.get("1007");
        firstLogin.untilChooser(g.username(), g.password());
        pages.choose("app-otp");
        String key = pages.totpKeyFromUnableToScan();
        pages.submitTotp(Totp.now(key), "funnel phone");
        pages.recoveryCodesLater();
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        pages.setNewPassword(NEW_PASSWORD);
        browser.waitForPageId(OnboardingPages.COMPLETE);
        pages.complete();
        browser.waitForPortal();

        Member a = m.get("1001");
        lockForGood(a.username());

        Map<MetricsEndpoint.Counter, Double> expected = new LinkedHashMap<>();
        expected.put(counter("kosmo_onboarding_steps_total", "step", "birthdate"), 5.0);
        expected.put(counter("kosmo_onboarding_steps_total", "step", "terms"), 4.0);
        expected.put(counter("kosmo_onboarding_steps_total", "step", "method_chosen"), 2.0);
        expected.put(counter("kosmo_onboarding_steps_total", "step", "complete"), 1.0);
        expected.put(counter("kosmo_lockouts_total", "kind", "permanent"), 1.0);
        assertEquals(expected, metrics.awaitMoved(before, expected), "the counters moved by this walk");

        clock.advanceSeconds(31); // past the node's 30 s cache, on the server clock
        Map<String, Object> counts = funnel("job=" + job);
        assertNotEquals(fresh.get("countedAt"), counts.get("countedAt"));
        assertEquals(8L, number(counts.get("members")));
        assertEquals(reached(7, 6, 5, 4, 3, 2, 1), reached(counts), counts.toString());
        Map<String, Long> stuck = new LinkedHashMap<>();
        for (Map<String, Object> step : steps(counts)) {
            stuck.put((String) step.get("step"), number(step.get("stuck")));
        }
        assertEquals(Map.of("letter-issued", 1L, "signed-in", 1L, "birthdate-passed", 1L, "terms-accepted", 1L,
                "email-verified", 1L, "method-chosen", 1L, "onboarding-complete", 1L), stuck);
        assertEquals(Map.of("passkey", 0L, "app-otp", 1L, "email-otp", 1L, "next-login", 0L), longs(counts.get("methods")));
        assertEquals(2L, number(counts.get("disabled")), "the 資格喪失日 and the permanent lockout");
        assertEquals(1L, number(counts.get("locked")));
        assertEquals("1", counts.get("termsVersion"));

        // who is stuck where, and since when (the time of the last step before that records one)
        assertStuck(job, "letter-issued", m.get("1008"), members.find(m.get("1008").username()).getCreatedTimestamp());
        assertStuck(job, "signed-in", a, Long.parseLong(members.attribute(a.username(), "kosmoActivationCredentialCreated")));
        assertStuck(job, "birthdate-passed", b, Instant.parse(members.attribute(b.username(), "kosmoFirstSignInAt")).toEpochMilli());
        assertStuck(job, "terms-accepted", c, Instant.parse(members.attribute(c.username(), "kosmoBirthdateVerifiedAt")).toEpochMilli());
        assertStuck(job, "email-verified", d, Instant.parse(members.attribute(d.username(), "kosmoTermsAcceptedAt")).toEpochMilli());
        assertStuck(job, "method-chosen", e, Instant.parse(members.attribute(e.username(), "kosmoTermsAcceptedAt")).toEpochMilli());
        long emailCode = members.credentials(f.username()).stream().filter(cr -> "kosmo-email-otp".equals(cr.getType()))
                .findFirst().orElseThrow().getCreatedDate();
        assertStuck(job, "onboarding-complete", f, emailCode);

        // the CSV: the terms export's form
        RosterApi.Reply csv = funnel.get("/funnel/members.csv?step=terms-accepted&job=" + job);
        assertEquals(200, csv.status(), csv.text());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.text().startsWith("\uFEFFusername,user_id,name,enabled,step,since_utc\r\n"), csv.text());
        assertEquals(List.of(List.of(c.username(), members.find(c.username()).getId(), "上田 三郎", "true", "terms-accepted",
                members.attribute(c.username(), "kosmoBirthdateVerifiedAt"))), csv.csvRows());
        RosterApi.Reply locked = funnel.get("/funnel/members.csv?step=signed-in&job=" + job);
        assertEquals("false", locked.csvRows().get(0).get(3), "the locked member is disabled");

        // filters: by date of creation (the members' zone), by import; bad values
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertEquals(8L, number(funnel("job=" + job + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1)).get("members")));
        assertEquals(0L, number(funnel("job=" + job + "&from=" + today.plusDays(2)).get("members")));
        Map<String, Object> all = funnel("");
        assertTrue(number(all.get("members")) >= 8 + 3, "the whole realm: the demo members too " + all);
        assertEquals(404, funnel.get("/funnel?job=00000000-0000-0000-0000-000000000000").status());
        assertEquals(400, funnel.get("/funnel?from=yesterday").status());
        assertEquals(400, funnel.get("/funnel/members?step=nowhere").status());
        assertEquals(400, funnel.get("/funnel/members?step=signed-in&max=5000").status());
    }

    @Test
    @DisplayName("an admin without view-users gets 403 for the funnel, its lists and the CSV; one with it gets them")
    void forbiddenWithoutViewUsers() {
        RealmResource master = adminClient.realm("master");
        String name = "funnel-admin-" + System.currentTimeMillis() % 100000;
        String id = masterUser(master, name);
        ClientRepresentation realmClient = master.clients().findByClientId(Browser.REALM + "-realm").get(0);
        RoleRepresentation viewRealm = master.clients().get(realmClient.getId()).roles().get("view-realm").toRepresentation();
        master.users().get(id).roles().clientLevel(realmClient.getId()).add(List.of(viewRealm));
        String token = RosterApi.masterToken(urls, name, "Funnel-Pass-2026");
        RosterApi asOther = new RosterApi(urls, () -> token, "kosmo-onboarding");
        assertEquals(403, asOther.get("/funnel").status());
        assertEquals(403, asOther.get("/funnel/members?step=signed-in").status());
        assertEquals(403, asOther.get("/funnel/members.csv?step=signed-in").status());
        assertEquals(401, new RosterApi(urls, null, "kosmo-onboarding").get("/funnel").status());

        RoleRepresentation viewUsers = master.clients().get(realmClient.getId()).roles().get("view-users").toRepresentation();
        master.users().get(id).roles().clientLevel(realmClient.getId()).add(List.of(viewUsers));
        String viewer = RosterApi.masterToken(urls, name, "Funnel-Pass-2026");
        RosterApi asViewer = new RosterApi(urls, () -> viewer, "kosmo-onboarding");
        assertEquals(200, asViewer.get("/funnel").status());
        assertEquals(200, asViewer.get("/funnel/members.csv?step=signed-in").status());
        master.users().delete(id).close();
    }

    private String masterUser(RealmResource master, String name) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name);
        user.setEnabled(true);
        user.setFirstName("Funnel");
        user.setLastName("Admin");
        user.setEmail(name + "@example.com");
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Funnel-Pass-2026");
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response created = master.users().create(user)) {
            assertEquals(201, created.getStatus());
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** Wrong passwords until Keycloak locks the member for good (5 + 3 consecutive failures, see PermanentLockoutIT). */
    private static MetricsEndpoint.Counter counter(String name, String... labels) {
        List<String> all = new java.util.ArrayList<>(List.of("realm", Browser.REALM));
        all.addAll(List.of(labels));
        return MetricsEndpoint.Counter.of(name, all.toArray(String[]::new));
    }

    private void lockForGood(String username) {
        for (int failure = 1; failure <= 8; failure++) {
            if (failure > 5) {
                clock.advanceSeconds(WAIT_SECONDS + 1);
                lockouts.awaitUnlocked(username);
            } else if (failure > 1) {
                clock.pastQuickLoginCheck();
            }
            firstLogin.logIn(username, "Wrong-Guess-" + failure);
            browser.waitForPageId(LoginPage.PAGE_ID);
            lockouts.awaitFailures(username, failure);
        }
        assertTrue(lockouts.awaitDisabled(username), "the 8th failure disables the member");
        assertEquals(Lockouts.PERMANENT_LOCKOUT, lockouts.disabledReason(username));
    }

    private void assertStuck(String job, String step, Member member, long sinceMillis) {
        RosterApi.Reply reply = funnel.get("/funnel/members?step=" + step + "&job=" + job + "&first=0&max=10");
        assertEquals(200, reply.status(), reply.text());
        List<Map<String, Object>> list = list(reply);
        assertEquals(1, list.size(), step + ": " + list);
        Map<String, Object> row = list.get(0);
        assertEquals(member.username(), row.get("username"), step);
        assertEquals(members.find(member.username()).getId(), row.get("id"), step);
        assertEquals(member.name(), row.get("name"), step);
        assertEquals(Instant.ofEpochMilli(sinceMillis), Instant.parse((String) row.get("since")), step);
        assertEquals(List.of(), list(funnel.get("/funnel/members?step=" + step + "&job=" + job + "&first=1&max=10")),
                step + ": the second page is empty");
    }

    private Map<String, Object> funnel(String query) {
        RosterApi.Reply reply = funnel.get("/funnel" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, reply.status(), reply.text());
        return reply.object();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> counts) {
        return (List<Map<String, Object>>) counts.get("steps");
    }

    private static List<Long> reached(Map<String, Object> counts) {
        return steps(counts).stream().map(step -> number(step.get("reached"))).toList();
    }

    private static List<Long> reached(long... values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> longs(Object map) {
        Map<String, Long> out = new HashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> out.put(k, number(v)));
        return out;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static List<Map<String, Object>> list(RosterApi.Reply reply) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(reply.body(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
                    });
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON list (" + reply.status() + "): " + reply.text(), e);
        }
    }

    /** user ID → activation password, from the job's credentials CSV (its one download). */
    private Map<String, String> credentials(String jobId) {
        RosterApi.Reply csv = roster.get("/imports/" + jobId + "/credentials.csv");
        assertEquals(200, csv.status(), csv.text());
        Map<String, String> out = new HashMap<>();
        csv.csvRows().forEach(row -> out.put(row.get(0), row.get(1)));
        return out;
    }
}
