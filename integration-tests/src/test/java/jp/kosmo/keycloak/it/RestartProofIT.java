package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.mail.MailServer;

/**
 * The server started as the Docker image and {@code docker/compose.yaml} start it ({@code kc.sh build --db=postgres
 * --health-enabled=true --metrics-enabled=true}, then {@code start --optimized --import-realm} with the shipped
 * {@code kosmo-realm.json} in {@code data/import/}; {@code ./run.sh} imports the same file the same way), on
 * PostgreSQL. A member half-way through the onboarding, the server stopped and started again: the realm was imported
 * once, what the member completed is still there, and the next login goes straight to the first unfinished step.
 */
class RestartProofIT {

    private static final String INITIAL = "Kosmo-19790822";
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";
    private static final Pattern IMPORTED = Pattern.compile("Realm '([^']+)' imported");
    private static final Pattern SKIPPED = Pattern.compile("Realm '([^']+)' already exists\\. Import skipped");
    private static final Duration START = Duration.ofMinutes(6);

    private static DistributionFiles files;
    private static ScratchDatabase database;
    private static KeycloakHome home;
    private static MailServer smtp;
    private static int smtpPort;
    private static int httpPort;
    private static int managementPort;
    private static int jgroupsPort;

    @BeforeAll
    static void prepare() {
        files = DistributionFiles.fromSystemProperties();
        database = ScratchDatabase.create("kosmo_restart");
        home = KeycloakHome.unpack(files, "restart");
        home.buildForPostgres(home.path().getParent().resolve("build.log"));
        home.stageRealmImport(files.demoRealm());
        smtpPort = LoopbackPorts.free();
        smtp = new MailServer("127.0.0.1", smtpPort);
        httpPort = LoopbackPorts.free();
        managementPort = LoopbackPorts.free();
        jgroupsPort = LoopbackPorts.free();
    }

    @AfterAll
    static void cleanUp() {
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    /** {@code kc.sh start --optimized --import-realm}, as compose.yaml's command, on this class's database. */
    private static KeycloakNode start() {
        return KeycloakNode.builder("restart", home)
                .args("start", "--optimized", "--import-realm")
                .option("http-enabled", "true")
                .option("hostname", "http://127.0.0.1:" + httpPort)
                // the image's cache stack (ispn, jdbc-ping) with JGroups on 127.0.0.1, not the machine's address
                .option("cache-embedded-network-bind-address", "127.0.0.1")
                .option("cache-embedded-network-bind-port", String.valueOf(jgroupsPort))
                .postgres(database.jdbcUrl())
                .httpPort(httpPort).managementPort(managementPort)
                .start().awaitReady(START);
    }

    @Test
    void stoppedMidOnboardingTheMemberResumesAtTheFirstUnfinishedStep() {
        String member;
        String address;
        String userId;
        try (KeycloakNode first = start(); Admin admin = Admin.at(first.baseUrl()); Chromium chromium = Chromium.open()) {
            assertEquals(List.of("kosmo"), matches(IMPORTED, first.log()), "the first start imports the shipped realm");
            // the admin's own change after the import, which a second import would overwrite
            admin.smtpTo(smtpPort);
            Members members = admin.members();
            // a letter's member without an address on file: 【5】-【7】 are among the steps, and 【9】 a new password
            member = members.create("restart", "1979-08-22", INITIAL, user -> user.setRequiredActions(List.of("UPDATE_PASSWORD")));
            userId = members.find(member).getId();
            address = member + "@kosmo.example";

            Browser browser = chromium.browserAt(first.baseUrl());
            FirstLogin firstLogin = new FirstLogin(browser);
            // 【2】 login, 【3】 birthdate, 【4】 terms, 【5】 the address, 【6】 its code: then the chooser 【8】
            VerifiedEmailPage email = firstLogin.untilVerifiedEmail(member, INITIAL, FirstLogin.BIRTHDATE_TYPED);
            email.submit(address);
            MimeMessage mail = new Mails(smtp).awaitMail(address, 1);
            browser.page(EmailCodePage.class).enterCode(Mails.code(mail));
            browser.waitForPageId(OnboardingPages.CHOOSER);
            String stepOfChooser = new OnboardingPages(browser).step();
            System.out.println("[restart] " + member + " is on the chooser (" + stepOfChooser + "); stopping the server");

            first.stop(Duration.ofSeconds(90));
            assertFalse(first.isAlive(), "kc.sh has exited");
        }

        try (KeycloakNode second = start(); Admin admin = Admin.at(second.baseUrl()); Chromium chromium = Chromium.open()) {
            String log = second.log();
            assertEquals(List.of(), matches(IMPORTED, log), "the second start imports nothing");
            assertEquals(List.of("kosmo"), matches(SKIPPED, log), "the second start skips the existing realm");
            assertEquals(List.of("1"), database.column("select count(*) from realm where name = 'kosmo'"));
            assertEquals(String.valueOf(smtpPort), admin.smtpPort(), "the admin's change after the first import is kept");

            Members members = admin.members();
            assertEquals(address, members.find(member).getEmail(), "the address set at 【5】 is kept");
            assertTrue(members.find(member).isEmailVerified(), "and verified at 【6】");
            assertEquals(List.of("1"), database.column(
                    "select count(*) from kosmo_terms_acceptance where user_id = ?", userId), "the terms accepted at 【4】");

            // the next login: 【2】 and 【3】 (a login always asks), then straight on at the chooser 【8】
            Browser browser = chromium.browserAt(second.baseUrl());
            List<String> seen = new ArrayList<>();
            browser.forgetSession();
            browser.openPortal();
            browser.page(LoginPage.class).logIn(member, INITIAL);
            browser.page(BirthdatePage.class).enter(FirstLogin.BIRTHDATE_TYPED);
            seen.add(browser.waitForOneOf(OnboardingPages.CHOOSER, TermsPage.PAGE_ID, VerifiedEmailPage.PAGE_ID));
            assertEquals(List.of(OnboardingPages.CHOOSER), seen, "neither the terms nor the address are asked again");

            OnboardingPages pages = new OnboardingPages(browser);
            pages.choose("email-otp");
            browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
            pages.setNewPassword(NEW_PASSWORD);
            pages.complete();
            browser.waitForPortal();
            assertTrue(members.credentials(member).stream().anyMatch(c -> "kosmo-email-otp".equals(c.getType())),
                    "the member finished on the restarted server");
            System.out.println("[restart] " + member + " finished the onboarding after the restart");
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
