package jp.kosmo.keycloak.it.pages;

import jp.kosmo.keycloak.it.support.Browser;

/**
 * The onboarding pages in the manual's order, as far as the tests of a later page need them. The one place that
 * knows the order: when a page is added before 【5】 (the terms of 【4】), it is added here.
 */
public final class FirstLogin {

    private final Browser browser;
    private final LoginPage login;
    private final BirthdatePage birthdate;
    private final VerifiedEmailPage verifiedEmail;

    public FirstLogin(Browser browser) {
        this.browser = browser;
        this.login = new LoginPage(browser);
        this.birthdate = new BirthdatePage(browser);
        this.verifiedEmail = new VerifiedEmailPage(browser);
    }

    /** 【2】 user ID + password, 【3】 birthdate: what comes next depends on the member. */
    public void throughBirthdate(String userId, String password, String birthdateTyped) {
        browser.forgetSession();
        browser.openPortal();
        login.logIn(userId, password);
        birthdate.enter(birthdateTyped);
        // 【4】 the terms of use, which every member accepts at their first login
        new TermsPage(browser).accept();
    }

    /** 【2】-【4】, ending on 【5】 メールアドレスの設定. */
    public VerifiedEmailPage untilVerifiedEmail(String userId, String password, String birthdateTyped) {
        throughBirthdate(userId, password, birthdateTyped);
        verifiedEmail.assertCurrent();
        return verifiedEmail;
    }
}
