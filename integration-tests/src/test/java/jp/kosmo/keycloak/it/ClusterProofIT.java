package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.kosmo.keycloak.it.dist.Admin;
import jp.kosmo.keycloak.it.dist.AlternatingProxy;
import jp.kosmo.keycloak.it.dist.Chromium;
import jp.kosmo.keycloak.it.dist.DistributionFiles;
import jp.kosmo.keycloak.it.dist.KeycloakHome;
import jp.kosmo.keycloak.it.dist.KeycloakNode;
import jp.kosmo.keycloak.it.dist.ListeningSockets;
import jp.kosmo.keycloak.it.dist.LoopbackPorts;
import jp.kosmo.keycloak.it.dist.ScratchDatabase;
import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.ForgotUserIdClient;
import jp.kosmo.keycloak.it.support.Lockouts;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.Passkeys;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.testframework.mail.MailServer;

/**
 * Two Keycloak 26.7.5 nodes from the distribution with our jars, started as the Docker image starts
 * ({@code kc.sh build --db=postgres ...}, {@code start --optimized --import-realm}), on one PostgreSQL database,
 * forming one Infinispan cluster through Keycloak's default {@code jdbc-ping} stack with JGroups bound to 127.0.0.1
 * on a port of each node's own. In front of them {@link AlternatingProxy} on 127.0.0.1 sends each page to the other
 * node than the page before and prints which node served it. What our providers keep between pages (authentication
 * session notes, the single-use store, brute-force records, our tables) must therefore be the cluster's.
 *
 * <p>The browser's address is {@code localhost:<proxy port>} (served on 127.0.0.1): WebAuthn refuses an IP address
 * as relying-party id, and both nodes' {@code --hostname} name that one address, so the cookies go to both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProofIT {

    private static final String INITIAL = "Kosmo-19790822";
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";
    private static final Duration START = Duration.ofMinutes(6);
    /** Infinispan's log line for a view of two members, e.g. {@code ISPN000094: Received new cluster view for channel ISPN: [a|1] (2) [a, b]}. */
    private static final Pattern VIEW_OF_TWO = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\(2\\)");
    private static final Pattern VIEW_OF_ONE = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\(1\\)");
    private static final String TRY_LATER = "お問い合わせが集中しているため、ただいま受け付けできません。しばらく時間をおいてから再度お試しください。";
    private static final String SENT = "ご登録のメールアドレスにユーザIDをお送りしました。届かない場合は健康保険組合にお問い合わせください。";
    private static final String LOGIN_REFUSED = "ユーザIDまたはパスワードが正しくありません。";

    private ScratchDatabase database;
    private KeycloakNode nodeA;
    private KeycloakNode nodeB;
    private AlternatingProxy proxy;
    private String address;
    private MailServer smtp;
    private Mails mails;
    private Admin adminA;
    private Admin adminB;
    private Chromium chromium;
    private Browser browser;
    private OnboardingPages pages;
    /** The member of the email-code story, for the mail limits. */
    private String emailCodeMember;

    @BeforeAll
    void startCluster() {
        DistributionFiles files = DistributionFiles.fromSystemProperties();
        database = ScratchDatabase.create("kosmo_cluster");
        KeycloakHome built = KeycloakHome.unpack(files, "cluster");
        built.buildForPostgres(built.path().getParent().resolve("build.log"));
        built.stageRealmImport(files.demoRealm());
        int proxyPort = LoopbackPorts.free();
        address = "http://localhost:" + proxyPort;
        // one after the other: the first imports the realm, the second finds it and joins the first
        nodeA = node("node-a", built.copyTo(files, "node-a")).awaitReady(START);
        nodeB = node("node-b", built.copyTo(files, "node-b")).awaitReady(START);
        nodeA.awaitLog("cluster view of 2 members", log -> VIEW_OF_TWO.matcher(log).find(), Duration.ofMinutes(2));
        nodeB.awaitLog("cluster view of 2 members", log -> VIEW_OF_TWO.matcher(log).find(), Duration.ofMinutes(2));
        proxy = AlternatingProxy.start(proxyPort, List.of(AlternatingProxy.Backend.of(nodeA), AlternatingProxy.Backend.of(nodeB)));

        int smtpPort = LoopbackPorts.free();
        smtp = new MailServer("127.0.0.1", smtpPort);
        mails = new Mails(smtp);
        adminA = Admin.at(nodeA.baseUrl());
        adminB = Admin.at(nodeB.baseUrl());
        adminA.smtpTo(smtpPort);
        chromium = Chromium.open();
        browser = chromium.browserAt(address);
        pages = new OnboardingPages(browser);
    }

    private KeycloakNode node(String name, KeycloakHome home) {
        return KeycloakNode.builder(name, home)
                .args("start", "--optimized", "--import-realm")
                .option("http-enabled", "true")
                .option("hostname", address)
                .option("cache-embedded-network-bind-address", "127.0.0.1")
                .option("cache-embedded-network-bind-port", String.valueOf(LoopbackPorts.free()))
                .postgres(database.jdbcUrl())
                .httpPort(LoopbackPorts.free()).managementPort(LoopbackPorts.free())
                .start();
    }

    @AfterAll
    void stopCluster() {
        for (AutoCloseable closeable : new AutoCloseable[] {chromium, proxy, adminA, adminB, nodeA, nodeB}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.out.println("[cluster] closing " + closeable + ": " + e);
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("one cluster: both nodes see a view of two members, the realm was imported once, every socket is on 127.0.0.1")
    void oneCluster() {
        assertTrue(nodeA.log().contains("Realm 'kosmo' imported"), "node-a imported the shipped realm");
        assertTrue(nodeB.log().contains("Realm 'kosmo' already exists. Import skipped"), "node-b found it");
        assertEquals(List.of("1"), database.column("select count(*) from realm where name = 'kosmo'"));
        assertEquals(List.of("2"), database.column("select count(*) from jgroups_ping"), "two members in Keycloak's jdbc-ping table");
        for (KeycloakNode node : List.of(nodeA, nodeB)) {
            List<String> sockets = ListeningSockets.of(node.jvmPid());
            System.out.println("[cluster] " + node.name() + " (pid " + node.jvmPid() + ") listens on " + sockets);
            assertTrue(sockets.size() >= 3, "HTTP, management and JGroups at least: " + sockets);
            assertTrue(sockets.stream().allMatch(s -> s.split(" ")[1].startsWith("127.0.0.1:")), "only 127.0.0.1: " + sockets);
        }
    }

    @ParameterizedTest(name = "first login choosing {0}, every page on the other node")
    @Order(2)
    @ValueSource(strings = {"passkey", "app-otp", "email-otp"})
    void firstLoginAlternatingNodes(String method) {
        Members members = adminA.members();
        String member = members.createLetterMember("cl-" + method, "1979-08-22", INITIAL, "member@kosmo.example");
        Passkeys phone = "passkey".equals(method) ? Passkeys.platformAuthenticator(chromium.driver().driver()) : null;
        try {
            proxy.alternate();
            upToChooser(member);
            pages.choose(method);
            switch (method) {
                case "passkey" -> {
                    pages.registerPasskey("わたしのスマホ");
                    assertEquals(1, phone.count(), "the authenticator holds the new passkey");
                }
                case "app-otp" -> {
                    String key = pages.totpKeyFromUnableToScan();
                    pages.submitTotp(Totp.now(key), "Google Authenticator");
                }
                default -> emailCodeMember = member;
            }
            if (OnboardingPages.RECOVERY_CODES.equals(browser.waitForOneOf(OnboardingPages.RECOVERY_CODES, OnboardingPages.UPDATE_PASSWORD))) {
                pages.recoveryCodesLater();
            }
            browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
            pages.setNewPassword(NEW_PASSWORD);
            pages.complete();
            browser.waitForPortal();
        } finally {
            if (phone != null) {
                phone.close();
            }
        }
        List<AlternatingProxy.Page> served = proxy.pages();
        report(method, served);
        for (int i = 1; i < served.size(); i++) {
            assertNotEquals(served.get(i - 1).node(), served.get(i).node(), "page " + i + " on the other node: " + served);
        }
        // what the member completed is in the database, whichever node wrote it
        Members onB = adminB.members();
        String credential = switch (method) {
            case "passkey" -> "webauthn-passwordless";
            case "app-otp" -> "otp";
            default -> "kosmo-email-otp";
        };
        assertTrue(onB.credentials(member).stream().anyMatch(c -> credential.equals(c.getType())), credential + " on file");
        assertEquals(List.of("1"), database.column("select count(*) from kosmo_terms_acceptance where user_id = ?",
                onB.find(member).getId()), "the terms accepted once");
    }

    @Test
    @Order(3)
    @DisplayName("email codes: a code mailed by node-a, a resend asked of node-b within the cooldown is refused, node-b takes node-a's code")
    void mailCooldownAcrossNodes() {
        String member = emailCodeMember;
        assertNotEquals(null, member, "the email-code story ran first");
        String to = adminA.members().find(member).getEmail();
        int before = mails.to(to).size();
        proxy.pin(nodeA.name());
        browser.forgetSession();
        proxy.clearPages();
        browser.openPortal();
        browser.page(LoginPage.class).logIn(member, NEW_PASSWORD);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        String code = Mails.code(mails.awaitMail(to, before + 1));

        proxy.pin(nodeB.name());
        pages.resendEmailCode();
        assertTrue(pages.alert().matches("再送信はあと[0-9]+秒お待ちください。"), pages.alert());
        assertEquals(before + 1, mails.to(to).size(), "node-b sent no mail within node-a's cooldown");
        pages.enterEmailCode(code);
        browser.waitForPortal();
        report("email code across nodes", proxy.pages());
        proxy.alternate();
    }

    @Test
    @Order(4)
    @DisplayName("forgot user ID: the per-address limit counts the requests of both nodes")
    void forgotUserIdLimitAcrossNodes() {
        Members members = adminA.members();
        members.configureExecution("kosmo-login-form", Map.of(
                "kosmo.forgot-user-id.per-address-per-hour", "2", "kosmo.forgot-user-id.per-ip-per-hour", "0"));
        String member = members.create("cl-fuid", "1979-08-22", "Kosmo-Pass-2026!");
        String known = member + "@example.com";
        proxy.alternate();
        proxy.clearPages();
        ForgotUserIdClient client = new ForgotUserIdClient(URI.create(address + ForgotUserIdClient.PATH + "?client_id=account-console"));
        client.open();
        assertTrue(client.submit(known, "19790822").text().contains(SENT));
        assertTrue(client.submit(known, "19790822").text().contains(SENT));
        mails.awaitMail(known, 2);
        ForgotUserIdClient.Answer limited = client.submit(known, "19790822");
        assertTrue(limited.text().contains(TRY_LATER), limited.text());
        List<AlternatingProxy.Page> served = proxy.pages();
        report("forgot user ID", served);
        Set<String> submitters = served.stream().filter(p -> p.method().equals("POST")).map(AlternatingProxy.Page::node)
                .collect(Collectors.toSet());
        assertEquals(Set.of(nodeA.name(), nodeB.name()), submitters, "the three requests went to both nodes");
        assertEquals(2, mails.to(known).size(), "two mails, none for the limited request");
    }

    @Test
    @Order(5)
    @DisplayName("lockout: five wrong passwords on node-a lock the member on node-b too")
    void lockoutAcrossNodes() {
        Members members = adminA.members();
        String member = members.create("cl-lock", "1979-08-22", "Kosmo-Pass-2026!");
        proxy.pin(nodeA.name());
        browser.forgetSession();
        browser.openPortal();
        LoginPage login = browser.page(LoginPage.class);
        for (int failure = 1; failure <= 5; failure++) {
            // further apart than Keycloak's quick-login check (1 s), so each counts as a failure of its own
            Members.sleep(1000);
            login.logIn(member, "Wrong-Pass-" + failure);
            browser.waitForPageId(LoginPage.PAGE_ID);
        }
        Lockouts onA = new Lockouts(members);
        assertEquals(5, onA.awaitFailures(member, 5).failures(), "node-a counted five failures");
        Lockouts onB = new Lockouts(adminB.members());
        Map<String, Object> status = adminB.members().awaitBruteForceStatus(member, s -> Boolean.TRUE.equals(s.get("disabled")));
        assertEquals(Boolean.TRUE, status.get("disabled"), "node-b's admin API sees the lockout: " + status);
        assertEquals(5, onB.status(member).failures());

        proxy.pin(nodeB.name());
        proxy.clearPages();
        Members.sleep(1000);
        login.logIn(member, "Kosmo-Pass-2026!");
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertEquals(LOGIN_REFUSED, login.error(), "node-b refuses the right password while node-a's lockout lasts");
        assertTrue(proxy.pages().stream().allMatch(p -> p.node().equals(nodeB.name())), proxy.pages().toString());
        report("lockout seen on node-b", proxy.pages());
        proxy.alternate();
    }

    @Test
    @Order(6)
    @DisplayName("a node killed (SIGKILL) mid-onboarding: the member goes on on the other node and nothing is lost")
    void nodeKilledMidOnboarding() {
        String member = adminA.members().createLetterMember("cl-kill", "1979-08-22", INITIAL, "member@kosmo.example");
        proxy.alternate();
        upToChooser(member);
        pages.choose("app-otp");
        String key = pages.totpKeyFromUnableToScan();
        List<AlternatingProxy.Page> before = proxy.pages();
        String victim = before.get(before.size() - 1).node();
        KeycloakNode killed = victim.equals(nodeA.name()) ? nodeA : nodeB;
        KeycloakNode survivor = killed == nodeA ? nodeB : nodeA;
        long pid = killed.kill();
        System.out.println("[cluster] SIGKILL to " + killed.name() + " (JVM pid " + pid + ") right after it served the app set-up page");
        assertFalse(killed.isAlive(), "kc.sh has exited with its JVM");
        proxy.markDown(killed.name());
        survivor.awaitLog("cluster view of 1 member", log -> VIEW_OF_ONE.matcher(log).find(), Duration.ofMinutes(2));

        pages.submitTotp(Totp.now(key), "Google Authenticator");
        pages.recoveryCodesLater();
        pages.setNewPassword(NEW_PASSWORD);
        pages.complete();
        browser.waitForPortal();
        List<AlternatingProxy.Page> served = proxy.pages();
        report("killed mid-onboarding", served);
        assertTrue(served.subList(before.size(), served.size()).stream().allMatch(p -> p.node().equals(survivor.name())),
                "after the kill every page came from " + survivor.name());

        Members members = (survivor == nodeA ? adminA : adminB).members();
        assertTrue(members.credentials(member).stream().anyMatch(c -> "otp".equals(c.getType())), "the app enrolled on " + survivor.name());
        assertEquals(List.of("1"), database.column("select count(*) from kosmo_terms_acceptance where user_id = ?",
                members.find(member).getId()), "the terms accepted before the kill");
        assertTrue(members.find(member).getRequiredActions().isEmpty(), "nothing left to do: " + members.find(member).getRequiredActions());
    }

    private void upToChooser(String member) {
        browser.forgetSession();
        proxy.clearPages();
        browser.openPortal();
        browser.page(LoginPage.class).logIn(member, INITIAL);
        browser.page(BirthdatePage.class).enter(FirstLogin.BIRTHDATE_TYPED);
        browser.page(TermsPage.class).accept();
        browser.waitForPageId(OnboardingPages.CHOOSER);
    }

    private static void report(String story, List<AlternatingProxy.Page> served) {
        System.out.println("[cluster] " + story + ": " + served.size() + " pages");
        for (int i = 0; i < served.size(); i++) {
            System.out.println("[cluster]   page " + (i + 1) + ": " + served.get(i));
        }
    }
}
