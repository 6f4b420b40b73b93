package jp.kosmo.keycloak.it.support;

import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The set-up every member-facing test class shares, in one place: the shipped realm ({@code kosmo-realm.json},
 * imported once per class), the browser, the mail server, the server's addresses and clock from the test framework,
 * and the helpers built on them. A test class extends this and keeps its own
 * {@code @KeycloakIntegrationTest(config = KosmoServerConfig.class)}, so every class shares the one server.
 */
public abstract class KosmoTestBase {

    @InjectRealm(fromJson = "/kosmo-realm.json")
    protected ManagedRealm realm;

    @InjectWebDriver
    protected ManagedWebDriver webDriver;

    @InjectMailServer
    protected MailServer mailServer;

    @InjectKeycloakUrls
    protected KeycloakUrls keycloakUrls;

    /** Moves the server's and this JVM's clock, Infinispan's included; set back to 0 after each test. */
    @InjectTimeOffSet(enableForCaches = true)
    protected TimeOffSet timeOffSet;

    @InjectPage
    protected LoginPage login;

    protected KosmoUrls urls;
    protected Browser browser;
    protected ServerClock clock;
    protected Members members;
    protected Mails mails;
    protected OnboardingPages pages;
    /** The one walk through the onboarding pages in their order. */
    protected FirstLogin firstLogin;

    /** Each class gets the realm afresh, with new keys: the demo portal starts anew for it ({@link DemoPortal#forNewRealm}). */
    @BeforeAll
    static void freshPortal() {
        DemoPortal.forNewRealm();
    }

    @BeforeEach
    final void kosmoSetUp() {
        urls = new KosmoUrls(keycloakUrls);
        browser = new Browser(webDriver, urls);
        clock = new ServerClock(timeOffSet);
        members = new Members(realm.admin());
        mails = new Mails(mailServer);
        pages = new OnboardingPages(browser);
        firstLogin = new FirstLogin(browser);
        browser.setWindowWidth(1280, 1000);
    }

    /** A second browser (another device of the member, or an attacker's) with this class's addresses. */
    protected Browser browserOf(ManagedWebDriver other) {
        return new Browser(other, urls);
    }
}
