package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.RosterApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Issue 15: the union's roster CSV through {@code /admin/realms/kosmo/kosmo-members/imports}, the letters, the first
 * login with an activation password, its expiry, re-imports, 資格喪失日, re-issue, and who may do it.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class RosterImportIT extends KosmoTestBase {

    static final Charset CP932 = Charset.forName("windows-31j");
    static final String HEADER = "記号,番号,枝番,氏名,氏名カナ,生年月日,メールアドレス,資格喪失日\r\n";
    private static final AtomicInteger SYMBOLS = new AtomicInteger(7000);
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";

    @InjectAdminClient
    Keycloak adminClient;

    private RosterApi api;

    @BeforeEach
    void setUp() {
        api = new RosterApi(urls, () -> adminClient.tokenManager().getAccessTokenString());
        browser.forgetSession();
    }

    /** A fresh 記号 per test, so members of different tests never share a key. */
    private static String symbol() {
        return String.valueOf(SYMBOLS.incrementAndGet());
    }

    private List<UserRepresentation> bySymbol(String symbol) {
        return realm.admin().users().searchByAttributes(0, 100, null, false, "insuranceSymbol:" + symbol);
    }

    private UserRepresentation byNumber(String symbol, String number) {
        return bySymbol(symbol).stream().filter(u -> number.equals(u.getAttributes().get("insuranceNumber").get(0)))
                .findFirst().orElseThrow(() -> new AssertionError("no member " + symbol + "/" + number));
    }

    private static String attribute(UserRepresentation user, String name) {
        List<String> values = user.getAttributes() == null ? null : user.getAttributes().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("errors");
    }

    private static long count(Map<String, Object> report, String name) {
        return ((Number) report.get(name)).longValue();
    }

    /** user ID → activation password, from the job's credentials CSV (its one download). */
    private Map<String, String> credentials(String jobId) {
        RosterApi.Reply csv = api.get("/imports/" + jobId + "/credentials.csv");
        assertEquals(200, csv.status(), csv.text());
        Map<String, String> passwords = new HashMap<>();
        csv.csvRows().forEach(row -> passwords.put(row.get(0), row.get(1)));
        return passwords;
    }

    private String roster(String symbol, String... rows) {
        StringBuilder file = new StringBuilder(HEADER);
        for (String row : rows) {
            file.append(row.replace("{S}", symbol)).append("\r\n");
        }
        return file.toString();
    }

    @Test
    @DisplayName("CP932 with 和暦, western and full-width dates, one bad row: members right, bad row with its line; dry run writes nothing; letters once; re-import changes nothing; a changed row updates; 資格喪失日 disables")
    void cp932Roster() {
        String s = symbol();
        String file = roster(s,
                "{S},2001,01,山田 太郎,ヤマダ タロウ,昭和54年8月22日,,",
                "{S},2002,01,佐藤 花子,ｻﾄｳ ﾊﾅｺ,H1/1/8,,",
                "{S},２００３,０２,鈴木 一郎,スズキ イチロウ,１９８５／０３／１５,,",
                "{S},2004,01,田中 次郎,タナカ ジロウ,X54.08.22,,",
                "{S},2005,01,高橋 三郎,タカハシ サブロウ,R6.4.1,,");
        byte[] cp932 = file.getBytes(CP932);

        Map<String, Object> dry = api.run(cp932, "dryRun=true");
        assertEquals(4, count(dry, "created"), dry.toString());
        assertEquals(1, count(dry, "rejected"));
        assertEquals("windows-31j", String.valueOf(dry.get("charset")).toLowerCase());
        assertTrue(bySymbol(s).isEmpty(), "a dry run creates nobody");
        assertEquals(409, api.get("/imports/" + dry.get("id") + "/letters.pdf").status(), "a dry run has no letters");

        Map<String, Object> report = api.run(cp932, null);
        assertEquals(5, count(report, "total"));
        assertEquals(5, count(report, "done"));
        assertEquals(4, count(report, "created"), report.toString());
        assertEquals(1, count(report, "rejected"));
        Map<String, Object> error = errors(report).get(0);
        assertEquals(5, ((Number) error.get("line")).intValue(), "the header is line 1, the bad row line 5");
        assertEquals("UNKNOWN_ERA", error.get("reason"));
        assertEquals("生年月日", error.get("column"));
        assertEquals(4, bySymbol(s).size());

        UserRepresentation yamada = byNumber(s, "2001");
        assertEquals("1979-08-22", attribute(yamada, "birthdate"));
        assertEquals("01", attribute(yamada, "insuranceBranch"));
        assertEquals("山田", yamada.getLastName());
        assertEquals("太郎", yamada.getFirstName());
        assertEquals("ヤマダ", attribute(yamada, "lastNameKana"));
        assertEquals(8, yamada.getUsername().length(), "random user ID of 8 characters");
        assertEquals("1989-01-08", attribute(byNumber(s, "2002"), "birthdate"));
        assertEquals("サトウ", attribute(byNumber(s, "2002"), "lastNameKana"), "half-width kana stored full-width");
        UserRepresentation suzuki = byNumber(s, "2003");
        assertEquals("1985-03-15", attribute(suzuki, "birthdate"));
        assertEquals("02", attribute(suzuki, "insuranceBranch"), "full-width digits stored as ASCII");
        assertEquals("2024-04-01", attribute(byNumber(s, "2005"), "birthdate"));

        // the letters: the PDF once, the CSV once, then both gone
        String id = (String) report.get("id");
        RosterApi.Reply pdf = api.get("/imports/" + id + "/letters.pdf");
        assertEquals(200, pdf.status(), pdf.text());
        assertTrue(pdf.contentType().startsWith("application/pdf"));
        List<String> pages = pdf.pdfPages();
        assertEquals(4, pages.size(), "one page per new member");
        Map<String, String> passwords = credentials(id);
        assertEquals(4, passwords.size());
        String yamadaPassword = passwords.get(yamada.getUsername());
        assertTrue(pages.stream().anyMatch(p -> p.contains(yamada.getUsername()) && p.contains(yamadaPassword) && p.contains("山田 太郎")),
                "Yamada's page holds the user ID and the activation password");
        assertTrue(yamadaPassword.length() >= 10);
        assertEquals(410, api.get("/imports/" + id + "/letters.pdf").status(), "the PDF is gone after the first download");
        assertEquals(410, api.get("/imports/" + id + "/credentials.csv").status(), "the CSV too");
        Map<String, Object> after = api.get("/imports/" + id).object();
        assertEquals(false, after.get("lettersPdf"));
        assertEquals(false, after.get("credentialsCsv"));

        // the same file again: nothing changes
        Map<String, Object> again = api.run(cp932, null);
        assertEquals(0, count(again, "created"), again.toString());
        assertEquals(0, count(again, "updated"));
        assertEquals(4, count(again, "unchanged"));
        assertEquals(1, count(again, "rejected"));

        // one row changed (the name), one with a 資格喪失日 in the past
        String changed = roster(s,
                "{S},2001,01,山田 太朗,ヤマダ タロウ,昭和54年8月22日,,",
                "{S},2002,01,佐藤 花子,ｻﾄｳ ﾊﾅｺ,H1/1/8,,R6.3.31",
                "{S},２００３,０２,鈴木 一郎,スズキ イチロウ,１９８５／０３／１５,,",
                "{S},2005,01,高橋 三郎,タカハシ サブロウ,R6.4.1,,");
        Map<String, Object> update = api.run(changed.getBytes(CP932), "charset=cp932");
        assertEquals(1, count(update, "updated"), update.toString());
        assertEquals(1, count(update, "disabled"));
        assertEquals(2, count(update, "unchanged"));
        assertEquals(0, count(update, "created"));
        UserRepresentation renamed = byNumber(s, "2001");
        assertEquals(yamada.getUsername(), renamed.getUsername(), "the user ID never changes");
        assertEquals("太朗", renamed.getFirstName());
        UserRepresentation sato = byNumber(s, "2002");
        assertFalse(sato.isEnabled(), "資格喪失日 in the past disables");
        assertEquals("2024-03-31", attribute(sato, "kosmoLossDate"));
        assertEquals(4, bySymbol(s).size(), "nobody deleted");
    }

    @Test
    @DisplayName("a file that is not a roster is refused as a whole with a clear message; nothing is kept")
    void notARoster() {
        RosterApi.Reply reply = api.post("/imports", "name,birthdate\nA,1979-08-22\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, reply.status());
        assertTrue(reply.text().contains("記号"), reply.text());
        RosterApi.Reply binary = api.post("/imports", new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0, 0, 10, 0});
        assertEquals(400, binary.status(), binary.text());
    }

    @Test
    @DisplayName("the legacy card password only when chosen: every import then answers with a warning, and the letter holds 記号+番号+生年月日")
    void legacyCardPasswordWarns() {
        String s = symbol();
        byte[] file = roster(s, "{S},4001,01,山田 太郎,ヤマダ タロウ,S54.08.22,,").getBytes(StandardCharsets.UTF_8);
        String previous = members.setRealmAttribute("kosmo.roster.password-rule", "legacy-card");
        RealmRepresentation rep = realm.admin().toRepresentation();
        String policy = rep.getPasswordPolicy();
        try {
            // the shipped policy refuses passwords holding the birthdate: the whole import is refused, nothing written
            RosterApi.Reply refused = api.post("/imports", file);
            assertEquals(400, refused.status(), refused.text());
            assertTrue(refused.text().contains("kosmo-not-birthdate"), refused.text());
            assertEquals(List.of(), bySymbol(s));

            rep.setPasswordPolicy(policy.replaceAll(" and kosmo-not-birthdate\\([^)]*\\)", ""));
            realm.admin().update(rep);
            RosterApi.Reply started = api.post("/imports", file);
            assertEquals(202, started.status(), started.text());
            @SuppressWarnings("unchecked")
            List<String> warnings = (List<String>) started.object().get("warnings");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("can be guessed by anyone who has seen the member's insurance card"), warnings.get(0));
            String id = (String) started.object().get("id");
            assertEquals(warnings, api.awaitDone(id, java.time.Duration.ofMinutes(2)).get("warnings"), "the status says it too");
            assertEquals(List.of(s + "4001" + "19790822"), List.copyOf(credentials(id).values()));
        } finally {
            members.setRealmAttribute("kosmo.roster.password-rule", previous);
            RealmRepresentation restore = realm.admin().toRepresentation();
            restore.setPasswordPolicy(policy);
            realm.admin().update(restore);
        }
        Map<String, Object> random = api.run(roster(symbol(), "{S},4002,01,佐藤 花子,サトウ ハナコ,H1/1/8,,")
                .getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of(), random.get("warnings"), "no warning with the default rule");
    }

    @Test
    @DisplayName("the letter's member completes the first login in Chromium; an expired activation password is refused with the expiry message and counts as a failure")
    void firstLoginAndExpiry() {
        String s = symbol();
        Map<String, Object> report = api.run(roster(s, "{S},3001,01,山田 太郎,ヤマダ タロウ,S54.08.22,,")
                .getBytes(StandardCharsets.UTF_8), null);
        String id = (String) report.get("id");
        List<String> pages = api.get("/imports/" + id + "/letters.pdf").pdfPages();
        Map.Entry<String, String> letter = credentials(id).entrySet().iterator().next();
        String member = letter.getKey();
        assertTrue(pages.get(0).contains(member) && pages.get(0).contains(letter.getValue()), pages.get(0));
        // the address is on file and verified (as in FirstLoginStoriesIT), so 【5】-【7】 are not among the steps
        members.update(member, u -> {
            u.setEmail(member + "@example.com");
            u.setEmailVerified(true);
        });

        // the letter's user ID and activation password through 【2】-【4】 to the chooser 【8】
        firstLogin.untilChooser(member, letter.getValue());
        OnboardingPages pagesOf = new OnboardingPages(browser);
        pagesOf.choose("email-otp");
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        pagesOf.setNewPassword(NEW_PASSWORD);
        browser.waitForPageId(OnboardingPages.COMPLETE);
        pagesOf.complete();
        browser.waitForPortal();
        assertEquals(List.of(), members.user(member).toRepresentation().getRequiredActions(), "the temporary password is gone");

        // a short lifetime: the next letter expires after 3 s
        String previous = members.setRealmAttribute("kosmo.roster.activation-lifetime", "PT3S");
        try {
            String s2 = symbol();
            Map<String, Object> second = api.run(roster(s2, "{S},3002,01,佐藤 花子,サトウ ハナコ,H1/1/8,,")
                    .getBytes(StandardCharsets.UTF_8), null);
            Map.Entry<String, String> expiring = credentials((String) second.get("id")).entrySet().iterator().next();
            clock.advanceSeconds(5); // past the 3 s lifetime, on the server clock
            browser.forgetSession();
            browser.openPortal();
            login.logIn(expiring.getKey(), expiring.getValue());
            browser.waitForPageId(LoginPage.PAGE_ID);
            String message = login.error();
            assertTrue(message.contains("有効期限が過ぎています"), message);
            Map<String, Object> status = members.awaitBruteForceStatus(expiring.getKey(),
                    st -> ((Number) st.get("numFailures")).intValue() >= 1);
            assertEquals(1, ((Number) status.get("numFailures")).intValue(), "counted like a wrong password");

            login.logIn(expiring.getKey(), "Wrong-password-1");
            browser.waitForPageId(LoginPage.PAGE_ID);
            assertFalse(login.error().contains("有効期限"), "a wrong password gets the usual answer: " + login.error());
            members.unlock(expiring.getKey());

            // a re-issue: new password, new expiry (the lifetime is back to 90 days)
            members.setRealmAttribute("kosmo.roster.activation-lifetime", previous);
            RosterApi.Reply reissued = api.reissue(members.find(expiring.getKey()).getId());
            assertEquals(200, reissued.status(), reissued.text());
            String fresh = (String) reissued.object().get("activationPassword");
            assertNotEquals(expiring.getValue(), fresh);

            // the old one fails as a wrong password now, the new one works
            browser.forgetSession();
            browser.openPortal();
            login.logIn(expiring.getKey(), expiring.getValue());
            browser.waitForPageId(LoginPage.PAGE_ID);
            assertFalse(login.error().contains("有効期限"), login.error());
            login.logIn(expiring.getKey(), fresh);
            browser.page(BirthdatePage.class).assertCurrent();
        } finally {
            members.setRealmAttribute("kosmo.roster.activation-lifetime", previous);
        }
    }

    @Test
    @DisplayName("an admin without manage-users gets 403 for imports, reports and re-issues")
    void forbiddenWithoutManageUsers() {
        RealmResource master = adminClient.realm("master");
        String name = "roster-viewer-" + System.currentTimeMillis() % 100000;
        UserRepresentation viewer = new UserRepresentation();
        viewer.setUsername(name);
        viewer.setEnabled(true);
        viewer.setFirstName("View");
        viewer.setLastName("Only");
        viewer.setEmail(name + "@example.com");
        viewer.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Viewer-Pass-2026");
        password.setTemporary(false);
        viewer.setCredentials(List.of(password));
        String viewerId;
        try (Response created = master.users().create(viewer)) {
            assertEquals(201, created.getStatus());
            String location = created.getLocation().getPath();
            viewerId = location.substring(location.lastIndexOf('/') + 1);
        }
        ClientRepresentation realmClient = master.clients().findByClientId(Browser.REALM + "-realm").get(0);
        RoleRepresentation viewUsers = master.clients().get(realmClient.getId()).roles().get("view-users").toRepresentation();
        master.users().get(viewerId).roles().clientLevel(realmClient.getId()).add(List.of(viewUsers));
        String token = RosterApi.masterToken(urls, name, "Viewer-Pass-2026");
        RosterApi asViewer = new RosterApi(urls, () -> token);

        String s = symbol();
        byte[] file = roster(s, "{S},4001,01,山田 太郎,ヤマダ タロウ,S54.08.22,,").getBytes(StandardCharsets.UTF_8);
        assertEquals(403, asViewer.post("/imports", file).status());
        assertTrue(bySymbol(s).isEmpty());
        String id = api.start(file, null);
        api.awaitDone(id, java.time.Duration.ofMinutes(2));
        assertEquals(403, asViewer.get("/imports/" + id).status());
        assertEquals(403, asViewer.get("/imports/" + id + "/letters.pdf").status());
        assertEquals(403, asViewer.get("/imports/" + id + "/credentials.csv").status());
        assertEquals(403, asViewer.reissue(bySymbol(s).get(0).getId()).status());
        assertEquals(401, new RosterApi(urls, null).get("/imports/" + id).status());
        assertEquals(200, api.get("/imports/" + id + "/letters.pdf").status(), "the refused calls took nothing");
        master.users().delete(viewerId).close();
    }
}
