package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import jp.kosmo.keycloak.it.dist.Admin;
import jp.kosmo.keycloak.it.dist.Chromium;
import jp.kosmo.keycloak.it.dist.DistributionFiles;
import jp.kosmo.keycloak.it.dist.KeycloakHome;
import jp.kosmo.keycloak.it.dist.KeycloakNode;
import jp.kosmo.keycloak.it.dist.LoopbackPorts;
import jp.kosmo.keycloak.it.dist.ScratchDatabase;
import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.EmailCodePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.mail.MailServer;

/**
 * The server started with the realm import at start, both ways the project ships, a member stopped half-way
 * through the onboarding, the server stopped (TERM, as Ctrl-C or {@code docker stop}) and started again with the very
 * same command: the realm was imported once, what the member completed is still there, and the next login goes
 * straight to the first unfinished step.
 * <ul>
 *   <li>{@link Way#IMAGE}: as {@code docker/Dockerfile} and {@code docker/compose.yaml}: {@code kc.sh build --db=postgres
 *   --health-enabled=true --metrics-enabled=true}, then {@code start --optimized --import-realm} on PostgreSQL, JGroups
 *   on 127.0.0.1;</li>
 *   <li>{@link Way#RUN_SH}: as {@code ./run.sh} ({@code devserver/KeycloakProcess}): {@code start-dev --import-realm} on
 *   the H2 file database in {@code data/h2/} (plus {@code --health-enabled=true} for the readiness wait).</li>
 * </ul>
 * Both read the shipped {@code realm-export/kosmo-realm.json} from {@code data/import/}.
 */
class RestartProofIT {

    private static final String INITIAL = "Kosmo-19790822";
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";
    private static final Pattern IMPORTED = Pattern.compile("Realm '([^']+)' imported");
    private static final Pattern SKIPPED = Pattern.compile("Realm '([^']+)' already exists\\. Import skipped");
    private static final Duration START = Duration.ofMinutes(6);

    /** How the server is started: the Docker image's way or the run command's. */
    enum Way { IMAGE, RUN_SH }

    private static DistributionFiles files;
    private static MailServer smtp;
    private static int smtpPort;

    @BeforeAll
    static void prepare() {
        files = DistributionFiles.fromSystemProperties();
        smtpPort = LoopbackPorts.free();
        smtp = new MailServer("127.0.0.1", smtpPort);
    }

    @AfterAll
    static void cleanUp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** One server home and its start command, the same for both starts. */
    private record Server(Way way, KeycloakHome home, ScratchDatabase database, int http, int management, int jgroups) {

        static Server prepare(Way way) {
            KeycloakHome home = KeycloakHome.unpack(files, "restart-" + way.name().toLowerCase().replace('_', '-'));
            ScratchDatabase database = null;
            if (way == Way.IMAGE) {
                database = ScratchDatabase.create("kosmo_restart");
                home.buildForPostgres(home.path().getParent().resolve("build.log"));
            }
            home.stageRealmImport(files.demoRealm());
            return new Server(way, home, database, LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
        }

        KeycloakNode start() {
            KeycloakNode.Builder node = KeycloakNode.builder("restart", home).httpPort(http).managementPort(management);
            if (way == Way.IMAGE) {
                node.args("start", "--optimized", "--import-realm")
                        .option("http-enabled", "true")
                        .option("hostname", "http://127.0.0.1:" + http)
                        // the image's cache stack (ispn, jdbc-ping) with JGroups on 127.0.0.1, not the machine's address
                        .option("cache-embedded-network-bind-address", "127.0.0.1")
                        .option("cache-embedded-network-bind-port", String.valueOf(jgroups))
                        .postgres(database.jdbcUrl());
            } else {
                String h2 = home.path().resolve("data/h2/keycloakdb").toString();
                node.args("start-dev", "--import-realm")
                        .option("metrics-enabled", "true")
                        .option("health-enabled", "true")
                        .option("db", "dev-file")
                        .option("db-url", "jdbc:h2:file:" + h2 + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE");
            }
            return node.start().awaitReady(START);
        }

        void close() {
            if (database != null) {
                database.close();
            }
        }
    }

    @ParameterizedTest(name = "started as {0}: stopped mid-onboarding, the member resumes at the first unfinished step")
    @EnumSource(Way.class)
    void stoppedMidOnboardingTheMemberResumesAtTheFirstUnfinishedStep(Way way) {
        Server server = Server.prepare(way);
        try {
            String member;
            String address;
            try (KeycloakNode first = server.start(); Admin admin = Admin.at(first.baseUrl()); Chromium chromium = Chromium.open()) {
                assertEquals(List.of("kosmo"), matches(IMPORTED, first.log()), "the first start imports the shipped realm");
                // the admin's own change after the import, which a second import would overwrite
                admin.smtpTo(smtpPort);
                Members members = admin.members();
                // a letter's member without an address on file: 【5】-【7】 are among the steps, and 【9】 a new password
                member = members.create("restart", "1979-08-22", INITIAL, user -> user.setRequiredActions(List.of("UPDATE_PASSWORD")));
                address = member + "@kosmo.example";

                Browser browser = chromium.browserAt(first.baseUrl());
                FirstLogin firstLogin = new FirstLogin(browser);
                // 【2】 login, 【3】 birthdate, 【4】 terms, 【5】 the address, 【6】 its code: then the chooser 【8】
                VerifiedEmailPage email = firstLogin.untilVerifiedEmail(member, INITIAL, FirstLogin.BIRTHDATE_TYPED);
                email.submit(address);
                MimeMessage mail = new Mails(smtp).awaitMail(address, 1);
                browser.page(EmailCodePage.class).enterCode(Mails.code(mail));
                browser.waitForPageId(OnboardingPages.CHOOSER);
                System.out.println("[restart " + way + "] " + member + " is on the chooser (" + new OnboardingPages(browser).step()
                        + "); stopping the server");

                first.stop(Duration.ofSeconds(90));
                assertFalse(first.isAlive(), "kc.sh has exited");
            }

            try (KeycloakNode second = server.start(); Admin admin = Admin.at(second.baseUrl()); Chromium chromium = Chromium.open()) {
                String log = second.log();
                assertEquals(List.of(), matches(IMPORTED, log), "the second start imports nothing");
                assertEquals(List.of("kosmo"), matches(SKIPPED, log), "the second start skips the existing realm");
                assertEquals(1, admin.realms().stream().map(RealmRepresentation::getRealm).filter("kosmo"::equals).count());
                assertEquals(String.valueOf(smtpPort), admin.smtpPort(), "the admin's change after the first import is kept");

                Members members = admin.members();
                assertNotNull(members.attribute(member, "kosmoBirthdateVerifiedAt"), "【3】 passed");
                assertEquals("1", members.attribute(member, "kosmoTermsVersion"), "【4】 the terms accepted");
                assertEquals(address, members.find(member).getEmail(), "【5】 the address is kept");
                assertTrue(members.find(member).isEmailVerified(), "【6】 and verified");
                if (server.database() != null) {
                    assertEquals(List.of("1"), server.database().column("select count(*) from realm where name = 'kosmo'"));
                    assertEquals(List.of("1"), server.database().column(
                            "select count(*) from kosmo_terms_acceptance where user_id = ?", members.find(member).getId()),
                            "the terms acceptance in its table");
                }

                // the next login: the password 【2】, then straight on at the chooser 【8】
                Browser browser = chromium.browserAt(second.baseUrl());
                browser.forgetSession();
                browser.openPortal();
                browser.page(LoginPage.class).logIn(member, INITIAL);
                String next = browser.waitForOneOf(OnboardingPages.CHOOSER, BirthdatePage.PAGE_ID, TermsPage.PAGE_ID,
                        VerifiedEmailPage.PAGE_ID);
                assertEquals(OnboardingPages.CHOOSER, next, "neither the birthdate, the terms nor the address are asked again");

                OnboardingPages pages = new OnboardingPages(browser);
                pages.choose("email-otp");
                browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
                pages.setNewPassword(NEW_PASSWORD);
                pages.complete();
                browser.waitForPortal();
                assertTrue(members.credentials(member).stream().anyMatch(c -> "kosmo-email-otp".equals(c.getType())),
                        "the member finished on the restarted server");
                System.out.println("[restart " + way + "] " + member + " finished the onboarding after the restart");
                second.stop(Duration.ofSeconds(90));
            }
        } finally {
            server.close();
        }
    }

    private static List<String> matches(Pattern pattern, String log) {
        List<String> realms = new ArrayList<>();
        Matcher matcher = pattern.matcher(log);
        while (matcher.find()) {
            realms.add(matcher.group(1));
        }
        return realms;
    }
}
