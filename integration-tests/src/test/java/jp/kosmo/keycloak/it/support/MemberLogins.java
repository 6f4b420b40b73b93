package jp.kosmo.keycloak.it.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.kosmo.keycloak.it.support.HttpBrowser.Page;

/**
 * Whole logins over HTTP ({@link HttpBrowser}), as a member's browser makes them: every page fetched, every form
 * posted with what the page offers, the authorization code turned into tokens at the end. One instance per realm.
 *
 * <ul>
 *   <li>{@link #firstLogin}: a KOSMO member with a letter (temporary password, birthdate on file, no address) through
 *       every onboarding page: login 【2】, birthdate 【3】, terms 【4】, address 【5】 and the code from the mail 【6】-【7】,
 *       chooser 【8】 → app OTP with the key from 「スキャンできませんか？」, recovery codes put off, new password 【9】,
 *       completion 【10】.</li>
 *   <li>{@link #returningLogin}: user ID and password, then the code of the member's authenticator app, nothing
 *       else; the same two pages in the KOSMO realm and in a stock realm.</li>
 * </ul>
 */
public final class MemberLogins {

    /** A member who finished the first login: the new password and the app's key (Base32, and the raw secret). */
    public record Member(String username, String password, String totpKey, String totpSecret) {
    }

    private final KosmoUrls urls;
    private final String realm;
    /** The last TOTP period used per member in this realm: Keycloak takes every code once only. */
    private final Map<String, Long> lastPeriod = new ConcurrentHashMap<>();

    public MemberLogins(KosmoUrls urls, String realm) {
        this.urls = urls;
        this.realm = realm;
    }

    public HttpBrowser browser() {
        return new HttpBrowser(urls, realm);
    }

    /**
     * The whole first login of a letter member; returns the member as they are afterwards. {@code mail} receives the
     * verification code sent to {@code address}.
     */
    public Member firstLogin(HttpBrowser browser, String username, String initialPassword, String birthdateTyped,
                             String address, String newPassword, SmtpSink mail) {
        browser.forgetSession();
        Page page = browser.open();
        HttpBrowser.expect(page, "login-login");
        page = browser.submit(page, "kc-form-login", Map.of("username", username, "password", initialPassword, "login", ""));
        String key = null;
        String secret = null;
        int mails = 0;
        for (int pages = 0; pages < 20 && !page.isCallback(); pages++) {
            String id = page.pageId();
            page = switch (id == null ? "" : id) {
                case "login-kosmo-birthdate" -> browser.submit(page, "kc-birthdate-form", Map.of("birthdate", birthdateTyped));
                case "login-kosmo-terms" -> browser.submit(page, "kc-terms-form", Map.of("accept", ""));
                case "login-kosmo-verified-email" -> {
                    Page next = browser.submit(page, "kc-verified-email-form", Map.of("email", address));
                    mails++;
                    yield next;
                }
                case "login-kosmo-verified-email-code" ->
                        browser.submit(page, "kc-verified-email-code-form", Map.of("code", Mails.code(mail.await(address, mails))));
                case "login-kosmo-auth-method" ->
                        browser.submit(page, "kc-auth-method-form", Map.of("method", "app-otp", "submit", ""));
                case "login-login-config-totp" -> {
                    Page manual = browser.get(page.link("mode-manual"));
                    HttpBrowser.expect(manual, "login-login-config-totp");
                    key = manual.text("kc-totp-secret-key");
                    secret = manual.form("kc-totp-settings-form").hidden().get("totpSecret");
                    yield browser.submit(manual, "kc-totp-settings-form",
                            Map.of("totp", code(username, key), "userLabel", "phone"));
                }
                case "login-kosmo-recovery-codes" -> browser.submit(page, "kosmo-recovery-codes-form", Map.of("skip", ""));
                case "login-login-update-password" -> browser.submit(page, "kc-passwd-update-form",
                        Map.of("password-new", newPassword, "password-confirm", newPassword, "login", ""));
                case "login-kosmo-onboarding-complete" -> browser.submit(page, "kc-complete-form", Map.of("submit", ""));
                default -> throw new AssertionError("unexpected page " + id + " in the first login of " + username
                        + " (" + page.status() + " " + page.uri() + ")");
            };
        }
        if (!page.isCallback() || key == null) {
            throw new AssertionError("the first login of " + username + " did not end at the client with an app set up: "
                    + page.pageId() + " " + page.uri());
        }
        browser.exchangeCode(page);
        return new Member(username, newPassword, key, secret);
    }

    /** A returning member's login: login page, user ID + password, the app's code, the code turned into tokens. */
    public void returningLogin(HttpBrowser browser, Member member) {
        browser.forgetSession();
        Page page = browser.open();
        HttpBrowser.expect(page, "login-login");
        page = browser.submit(page, "kc-form-login", Map.of("username", member.username(), "password", member.password(), "login", ""));
        HttpBrowser.expect(page, "login-login-otp");
        page = browser.submit(page, "kc-otp-login-form", Map.of("otp", code(member.username(), member.totpKey()), "login", ""));
        if (!page.isCallback()) {
            throw new AssertionError("the login of " + member.username() + " in " + realm + " did not end at the client: "
                    + page.pageId() + " " + page.uri());
        }
        browser.exchangeCode(page);
    }

    /**
     * The app's code for now, or for the next period when this member used the current one already (Keycloak's
     * look-around of one period accepts it); waits for the clock only if both are used.
     */
    private String code(String username, String key) {
        while (true) {
            long now = System.currentTimeMillis() / 1000 / 30;
            long[] chosen = new long[1];
            lastPeriod.compute(username, (name, last) -> {
                long period = last == null || last < now ? now : last + 1;
                chosen[0] = period <= now + 1 ? period : -1;
                return chosen[0] < 0 ? last : Long.valueOf(period);
            });
            if (chosen[0] >= 0) {
                return Totp.code(key, chosen[0] * 30);
            }
            Members.sleep(500);
        }
    }
}
