package jp.kosmo.keycloak.onboarding;

import static jp.kosmo.keycloak.onboarding.OnboardingStep.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jp.kosmo.keycloak.onboarding.MemberState.Method;
import jp.kosmo.keycloak.onboarding.OnboardingSettings.BirthdateCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OnboardingPlanTest {

    /** The demo realm: every page switched on, terms version 1, enrolment in the same sitting. */
    private static final OnboardingSettings REALM = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, true, "1",
            true, true, true);
    /** A member straight from the letter: no birthdate passed, no terms, no address, no method, temporary password. */
    private static final MemberState NEW_MEMBER = new MemberState(false, true, null, false, Method.NONE, true);
    /** A member who finished the onboarding. */
    private static final MemberState SETTLED = new MemberState(true, true, "1", true, Method.ENROLLED, false);

    private static List<OnboardingStep> pages(MemberState member, OnboardingSettings realm) {
        return OnboardingPlan.of(member, realm).steps();
    }

    private static MemberState settledWith(Method method) {
        return new MemberState(true, true, "1", true, method, false);
    }

    private static OnboardingSettings realmWith(BirthdateCheck birthdate, boolean enrolNow) {
        return new OnboardingSettings(birthdate, true, "1", true, true, enrolNow);
    }

    @Nested
    @DisplayName("a new member from the letter")
    class NewMember {

        @Test
        @DisplayName("sees all seven pages in the manual's order when the method is enrolled at once")
        void everything() {
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, ENROL, PASSWORD, COMPLETE), pages(NEW_MEMBER, REALM));
        }

        @Test
        @DisplayName("has no enrolment page when the realm enrols at the next login")
        void nextLogin() {
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, PASSWORD, COMPLETE),
                    pages(NEW_MEMBER, realmWith(BirthdateCheck.UNTIL_PASSED, false)));
        }

        @Test
        @DisplayName("whose address is verified already skips 【5】-【7】: step n of 6")
        void verifiedAddress() {
            MemberState member = new MemberState(false, true, null, true, Method.NONE, true);
            assertEquals(List.of(BIRTHDATE, TERMS, METHOD, ENROL, PASSWORD, COMPLETE), pages(member, REALM));
        }

        @Test
        @DisplayName("without a temporary password has no password page")
        void noTemporaryPassword() {
            MemberState member = new MemberState(false, true, null, true, Method.NONE, false);
            assertEquals(List.of(BIRTHDATE, TERMS, METHOD, COMPLETE), pages(member, realmWith(BirthdateCheck.UNTIL_PASSED, false)));
        }
    }

    @Nested
    @DisplayName("the birthdate")
    class Birthdate {

        @Test
        @DisplayName("passed at an earlier login: no birthdate page (the check asks until passed)")
        void passed() {
            MemberState member = new MemberState(true, true, null, false, Method.NONE, true);
            assertEquals(List.of(TERMS, EMAIL, METHOD, ENROL, PASSWORD, COMPLETE), pages(member, REALM));
        }

        @Test
        @DisplayName("asked at every login: the page counts even when passed before")
        void everyLogin() {
            assertEquals(List.of(BIRTHDATE), pages(SETTLED, realmWith(BirthdateCheck.EVERY_LOGIN, true)));
        }

        @Test
        @DisplayName("counted only when the check shows its page in this sitting, and never without a birthdate on file")
        void notShown() {
            assertEquals(List.of(TERMS, EMAIL, METHOD, ENROL, PASSWORD, COMPLETE),
                    pages(NEW_MEMBER, realmWith(BirthdateCheck.NOT_IN_THIS_SITTING, true)));
            MemberState noBirthdate = new MemberState(false, false, null, true, Method.ENROLLED, false);
            assertEquals(List.of(TERMS), pages(noBirthdate, realmWith(BirthdateCheck.EVERY_LOGIN, true)));
        }
    }

    @Nested
    @DisplayName("the terms of use")
    class Terms {

        @Test
        @DisplayName("current version accepted: no terms page")
        void current() {
            assertEquals(List.of(), pages(SETTLED, REALM));
        }

        @Test
        @DisplayName("an older version accepted, the realm raised it: the terms page comes again, alone")
        void outdated() {
            OnboardingSettings raised = new OnboardingSettings(BirthdateCheck.NOT_IN_THIS_SITTING, true, "2", true, true, true);
            assertEquals(List.of(TERMS), pages(SETTLED, raised));
        }

        @Test
        @DisplayName("the required action switched off: never counted")
        void disabled() {
            OnboardingSettings off = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, false, "1", true, true, true);
            assertEquals(List.of(BIRTHDATE, EMAIL, METHOD, ENROL, PASSWORD, COMPLETE), pages(NEW_MEMBER, off));
        }
    }

    @Nested
    @DisplayName("the verified address")
    class Address {

        @Test
        @DisplayName("none or unverified: the gate's page (both of its pages are one step)")
        void missing() {
            MemberState member = new MemberState(true, true, "1", false, Method.ENROLLED, false);
            assertEquals(List.of(EMAIL), pages(member, REALM));
        }

        @Test
        @DisplayName("the gate switched off: never counted (birthdate, terms, email, password with the chooser off too)")
        void gateOrChooserOff() {
            OnboardingSettings noGate = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, true, "1", false, true, true);
            assertEquals(List.of(BIRTHDATE, TERMS, METHOD, ENROL, PASSWORD, COMPLETE), pages(NEW_MEMBER, noGate));
            OnboardingSettings noChooser = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, true, "1", true, false, true);
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, PASSWORD), pages(NEW_MEMBER, noChooser));
        }
    }

    @Nested
    @DisplayName("the sign-in method")
    class SignInMethod {

        @Test
        @DisplayName("enrolled: no chooser, no enrolment, no completion page")
        void enrolled() {
            assertEquals(List.of(), pages(settledWith(Method.ENROLLED), REALM));
        }

        @Test
        @DisplayName("chosen for the next login: this login is the enrolment alone")
        void pendingNextLogin() {
            assertEquals(List.of(ENROL), pages(settledWith(Method.NEXT_LOGIN), realmWith(BirthdateCheck.UNTIL_PASSED, false)));
            assertEquals(List.of(ENROL), pages(settledWith(Method.NEXT_LOGIN), REALM), "whatever the realm says now");
        }

        @Test
        @DisplayName("chosen for the next login, chooser switched off since: nothing asks for the enrolment")
        void pendingNextLoginChooserOff() {
            OnboardingSettings noChooser = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, true, "1", true, false, false);
            assertEquals(List.of(), pages(settledWith(Method.NEXT_LOGIN), noChooser));
        }

        @Test
        @DisplayName("an enrolment left unfinished (or asked for by an admin): the enrolment page")
        void enrolmentPending() {
            assertEquals(List.of(ENROL), pages(settledWith(Method.ENROLMENT_PENDING), REALM));
            OnboardingSettings noChooser = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, true, "1", true, false, false);
            assertEquals(List.of(ENROL), pages(settledWith(Method.ENROLMENT_PENDING), noChooser));
        }

        @Test
        @DisplayName("lost (removed in the account console): choose again, enrol, done")
        void lost() {
            assertEquals(List.of(METHOD, ENROL, COMPLETE), pages(settledWith(Method.LOST), REALM));
            assertEquals(List.of(METHOD, COMPLETE), pages(settledWith(Method.LOST), realmWith(BirthdateCheck.UNTIL_PASSED, false)));
        }
    }

    @Nested
    @DisplayName("the password")
    class Password {

        @Test
        @DisplayName("temporary (or a reset): the password page, after the enrolment")
        void temporary() {
            MemberState member = new MemberState(true, true, "1", true, Method.ENROLMENT_PENDING, true);
            assertEquals(List.of(ENROL, PASSWORD), pages(member, REALM));
        }

        @Test
        @DisplayName("not temporary: no password page")
        void notTemporary() {
            assertEquals(List.of(), pages(SETTLED, REALM));
        }
    }

    @Nested
    @DisplayName("positions")
    class Positions {

        @Test
        @DisplayName("count only the pages the member will see: step 3 of 6 after choosing email codes")
        void afterEmailCodes() {
            OnboardingPlan plan = OnboardingPlan.of(NEW_MEMBER, REALM).without(ENROL);
            assertEquals("3/6", plan.position(EMAIL).orElseThrow().toString());
            assertEquals("5/6", plan.position(PASSWORD).orElseThrow().toString());
            assertTrue(plan.position(ENROL).isEmpty());
        }

        @Test
        @DisplayName("a lone password change, birthdate check, terms or address page shows no step")
        void lonePages() {
            MemberState reset = new MemberState(true, true, "1", true, Method.ENROLLED, true);
            assertTrue(OnboardingPlan.of(reset, REALM).position(PASSWORD).isEmpty());
            assertTrue(OnboardingPlan.of(SETTLED, realmWith(BirthdateCheck.EVERY_LOGIN, true)).position(BIRTHDATE).isEmpty());
            assertTrue(OnboardingPlan.of(new MemberState(true, true, "1", false, Method.ENROLLED, false), REALM)
                    .position(EMAIL).isEmpty());
        }

        @Test
        @DisplayName("the enrolment at the next login is step 1 of 1")
        void enrolmentAtNextLogin() {
            OnboardingPlan plan = OnboardingPlan.of(settledWith(Method.NEXT_LOGIN), REALM);
            assertEquals("1/1", plan.position(ENROL).orElseThrow().toString());
        }

        @Test
        @DisplayName("a page that is not in the plan has no position")
        void notInPlan() {
            assertTrue(OnboardingPlan.of(SETTLED, REALM).position(METHOD).isEmpty());
        }
    }

    @Test
    @DisplayName("survives the round trip through the session note, ignoring unknown names")
    void encoding() {
        OnboardingPlan plan = OnboardingPlan.of(NEW_MEMBER, REALM);
        assertEquals(plan.steps(), OnboardingPlan.decode(plan.encode()).steps());
        assertEquals(List.of(TERMS), OnboardingPlan.decode("TERMS,SOMETHING_ELSE").steps());
        assertEquals(List.of(), OnboardingPlan.decode(null).steps());
    }

    @Nested
    @DisplayName("recovery codes (kosmo-recovery-codes offered or required)")
    class RecoveryCodes {

        private final OnboardingSettings withCodes = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, true, "1",
                true, true, true, true);

        @Test
        @DisplayName("a new member sees them right after the enrolment: eight pages")
        void afterEnrolment() {
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, ENROL, RECOVERY_CODES, PASSWORD, COMPLETE),
                    pages(NEW_MEMBER, withCodes));
        }

        @Test
        @DisplayName("dropped with the enrolment page (email codes chosen): the same count as without them")
        void droppedWithEnrolment() {
            OnboardingPlan plan = OnboardingPlan.of(NEW_MEMBER, withCodes).without(ENROL).without(RECOVERY_CODES);
            assertEquals(OnboardingPlan.of(NEW_MEMBER, REALM).without(ENROL).steps(), plan.steps());
        }

        @Test
        @DisplayName("a member who has codes already, or a realm with them off, or no enrolment: no page")
        void none() {
            MemberState hasCodes = new MemberState(false, true, null, false, Method.NONE, true, true);
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, ENROL, PASSWORD, COMPLETE), pages(hasCodes, withCodes));
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, ENROL, PASSWORD, COMPLETE), pages(NEW_MEMBER, REALM));
            assertEquals(List.of(), pages(SETTLED, withCodes));
            OnboardingSettings nextLogin = new OnboardingSettings(BirthdateCheck.UNTIL_PASSED, true, "1", true, true,
                    false, true);
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, PASSWORD, COMPLETE), pages(NEW_MEMBER, nextLogin));
        }

        @Test
        @DisplayName("the login that enrols a method chosen earlier (【11】) counts them: step 2 of 2")
        void nextLoginEnrolment() {
            OnboardingPlan plan = OnboardingPlan.of(settledWith(Method.NEXT_LOGIN), withCodes);
            assertEquals(List.of(ENROL, RECOVERY_CODES), plan.steps());
            assertEquals(2, plan.position(RECOVERY_CODES).orElseThrow().getNumber());
        }
    }
}
