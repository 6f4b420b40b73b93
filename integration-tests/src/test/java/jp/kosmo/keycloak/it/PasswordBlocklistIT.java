package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ws.rs.BadRequestException;

import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Common passwords are refused: the realm's {@code passwordBlacklist(kosmo-common-passwords.txt)} policy with the
 * shipped list (password-blocklist/), at 【9】 新しいパスワードの設定 as the member sees it, in Japanese and English.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class PasswordBlocklistIT extends KosmoTestBase {

    private static final String INITIAL = "Kosmo-19790822";
    private static final String STRONG = "Sakura-Nagoya-2026";
    private static final String JA_REFUSED = "このパスワードは、よく使われていて推測されやすいパスワードの一覧に含まれているため使用できません。"
            + "別のパスワードを入力してください。";
    private static final String EN_REFUSED = "This password is on the list of commonly used, easy-to-guess passwords and "
            + "cannot be used. Please choose a different one.";


    @BeforeEach
    void setUp() {
    }

    /** 【2】-【4】, 【8】 email codes (nothing to enrol): the member is on 【9】. */
    private String memberAtNewPassword() {
        String member = members.createLetterMember("common", "1979-08-22", INITIAL, "member@kosmo.example");
        firstLogin.throughBirthdate(member, INITIAL, "19790822");
        pages.choose("email-otp");
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        return member;
    }

    /** Types the password twice and submits; the page comes back with Keycloak's policy message in its alert. */
    private String refusal(String password) {
        pages.setNewPassword(password);
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        return pages.alert();
    }

    @Test
    @DisplayName("【9】 refuses listed common passwords (any case) naming the rule, in Japanese and English; a strong one goes on")
    void commonPasswordRefusedAtNewPassword() {
        String member = memberAtNewPassword();
        assertEquals("新しいパスワードの設定", pages.heading());
        Long before = passwordSetAt(member);

        // 8 characters and more, not the user ID, address or birthdate: only the blocklist refuses them
        assertEquals(JA_REFUSED, refusal("iloveyou"));
        assertEquals(JA_REFUSED, refusal("Qwerty123"), "upper-case letters do not get a listed password through");

        browser.selectLanguage("en");
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        assertEquals("Set a new password", pages.heading());
        assertEquals(EN_REFUSED, refusal("Sunshine1"));
        assertEquals(before, passwordSetAt(member), "no refused password was stored");

        pages.setNewPassword(STRONG);
        browser.waitForPageId(OnboardingPages.COMPLETE);
        assertNotEquals(before, passwordSetAt(member), "the strong password was stored");
        assertFalse(members.find(member).getRequiredActions().contains("UPDATE_PASSWORD"));
        pages.complete();
        browser.waitForPortal();
    }

    @Test
    @DisplayName("the whole shipped list is in force: a password near its end is refused from the admin API too")
    void wholeListInForce() {
        String member = members.create("common-admin", "1979-08-22", STRONG);
        for (String listed : List.of("password1", "hawkeye@4077")) {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(listed);
            credential.setTemporary(true);
            BadRequestException refused = assertThrows(BadRequestException.class,
                    () -> members.user(member).resetPassword(credential), listed);
            String body = refused.getResponse().readEntity(String.class);
            assertTrue(body.contains("invalidPasswordBlacklistedMessage"), listed + ": " + body);
        }
    }

    /** Keycloak updates the password credential in place and stamps it with the time of the change. */
    private Long passwordSetAt(String member) {
        return members.credentials(member).stream().filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .map(CredentialRepresentation::getCreatedDate).findFirst().orElseThrow();
    }
}
