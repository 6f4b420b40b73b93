package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.Totp;

/**
 * The onboarding pages in the manual's order: the one place that knows the order. Every test that walks a first
 * login does it through here, so when a page is added to the onboarding it is added here and nowhere else.
 * 【2】 login, 【3】 birthdate, 【4】 terms, (【5】-【7】 the verified-email gate for members without a verified address),
 * 【8】 chooser, the enrolment of the chosen method, (【9】 new password for a letter's temporary one), 【10】 done.
 */
public final class FirstLogin {

    /** The birthdate every test member is created with (1979-08-22), as a member types it. */
    public static final String BIRTHDATE_TYPED = "19790822";

    private final Browser browser;
    private final LoginPage login;
    private final BirthdatePage birthdate;
    private final TermsPage terms;
    private final VerifiedEmailPage verifiedEmail;
    private final OnboardingPages pages;

    public FirstLogin(Browser browser) {
        this.browser = browser;
        this.login = browser.page(LoginPage.class);
        this.birthdate = browser.page(BirthdatePage.class);
        this.terms = browser.page(TermsPage.class);
        this.verifiedEmail = browser.page(VerifiedEmailPage.class);
        this.pages = new OnboardingPages(browser);
    }

    /** 【2】 user ID + password from a fresh browser session, ending on whatever the server shows next. */
    public void logIn(String userId, String password) {
        browser.forgetSession();
        browser.openPortal();
        login.logIn(userId, password);
    }

    /** 【2】 user ID + password, 【3】 birthdate, 【4】 terms: what comes next depends on the member. */
    public void throughBirthdate(String userId, String password, String birthdateTyped) {
        logIn(userId, password);
        birthdate.enter(birthdateTyped);
        // 【4】 the terms of use, which every member accepts at their first login
        terms.accept();
    }

    /** 【2】-【4】, ending on 【5】 メールアドレスの設定. */
    public VerifiedEmailPage untilVerifiedEmail(String userId, String password, String birthdateTyped) {
        throughBirthdate(userId, password, birthdateTyped);
        verifiedEmail.assertCurrent();
        return verifiedEmail;
    }

    /** 【2】-【4】 for a member with a verified address on file, ending on the chooser 【8】. */
    public void untilChooser(String userId, String password) {
        throughBirthdate(userId, password, BIRTHDATE_TYPED);
        browser.waitForPageId(OnboardingPages.CHOOSER);
    }

    /**
     * The whole first login of a member with a verified address who chooses codes by email 【8】, up to the portal.
     */
    public void choosingEmailCodes(String userId, String password) {
        untilChooser(userId, password);
        pages.choose("email-otp");
        pages.complete();
        browser.waitForPortal();
    }

    /**
     * The whole first login choosing codes by email, started from a relying party (the demo portal at
     * {@code appUrl}) instead of the account console: ends wherever 【10】 sends the member, the app's redirect URI.
     */
    public void choosingEmailCodesFrom(String appUrl, String userId, String password) {
        browser.forgetSession();
        browser.openApp(appUrl);
        login.logIn(userId, password);
        birthdate.enter(BIRTHDATE_TYPED);
        terms.accept();
        browser.waitForPageId(OnboardingPages.CHOOSER);
        pages.choose("email-otp");
        pages.complete();
    }

    /** The whole first login choosing an authenticator app, up to the portal; returns the app's key. */
    public String choosingApp(String userId, String password, String deviceName) {
        untilChooser(userId, password);
        pages.choose("app-otp");
        String key = pages.totpKeyFromUnableToScan();
        pages.submitTotp(Totp.now(key), deviceName);
        pages.complete();
        browser.waitForPortal();
        return key;
    }

    /** A later login 【2】 with the member's password, ending on the page of their second factor. */
    public void laterLogin(String userId, String password, String secondFactorPageId) {
        logIn(userId, password);
        browser.waitForPageId(secondFactorPageId);
    }

}
