package jp.kosmo.keycloak.recovery;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.birthdate.BirthdateConfig;
import jp.kosmo.keycloak.birthdate.BirthdateInput;
import jp.kosmo.keycloak.birthdate.BirthdateOnFile;
import jp.kosmo.keycloak.code.CodeAttempts;
import jp.kosmo.keycloak.code.CodeInput;
import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.IssuedCode;
import jp.kosmo.keycloak.code.MailedCode;
import jp.kosmo.keycloak.code.MemberMailLimit;
import jp.kosmo.keycloak.email.AddressMask;
import jp.kosmo.keycloak.email.MemberAddress;
import jp.kosmo.keycloak.emailotp.CodeMail;
import jp.kosmo.keycloak.emailotp.EmailOtpConfig;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.mail.MailOrigin;
import jp.kosmo.keycloak.mail.MemberMails;
import jp.kosmo.keycloak.metrics.EventTallies;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import jp.kosmo.keycloak.time.KeycloakClock;
import jp.kosmo.keycloak.time.MembersZone;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.utils.FormMessage;

/**
 * 「スマートフォンを変更した・認証できない方はこちら」: an alternative of the second-factor step, reached from the link on
 * every second-factor page (after the password). The member proves who they are with one of their recovery codes,
 * or, without recovery codes (setting {@value PhoneRecoveryConfig#EMAIL_FALLBACK}, default on), with a code mailed
 * to the verified address plus the birthdate. Then the recovery goes on in the required actions: the chooser 【8】,
 * the enrolment, and {@link ResetSignInMethodAction}, which removes the lost credentials once the new one works.
 *
 * <p>Reference category {@code recovery-authn-codes}: every wrong recovery code, mailed code or birthdate is a failed
 * login for Keycloak's brute-force detector. Malformed input counts for nothing and is answered on the page.
 */
public final class PhoneRecoveryAuthenticator implements Authenticator {

    public static final String FIELD_RECOVERY_CODE = "recoveryCode";
    public static final String FIELD_CODE = "otp";
    public static final String FIELD_BIRTHDATE = "birthdate";
    public static final String RESEND = "resend";
    static final String TEMPLATE = "kosmo-phone-recovery.ftl";
    static final String MAIL_KIND = "recovery-code";

    private final MemberMails mails;

    PhoneRecoveryAuthenticator(MemberMails mails) {
        this.mails = mails;
    }

    /** How this member can prove who they are. */
    enum Mode {
        /** Keycloak's recovery codes. */
        RECOVERY_CODE("code"),
        /** A code mailed to the verified address plus the birthdate. */
        MAIL("mail"),
        /** Neither: the page says to contact the union, there is no way on. */
        NONE("none");

        final String id;

        Mode(String id) {
            this.id = id;
        }
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Mode mode = mode(context);
        if (mode != Mode.MAIL) {
            context.challenge(form(context, mode).createForm(TEMPLATE));
            return;
        }
        UserModel user = context.getUser();
        EmailOtpConfig codes = EmailOtpConfig.DEFAULTS;
        long now = Time.currentTime();
        CodeStore store = CodeStore.of(context.getSession());
        IssuedCode current = new RecoveryMailCode(store).current(user.getId());
        if (current != null && !new CodeAttempts(store).isSpent(current, now, codes.maxTries())) {
            LoginFormsProvider form = form(context, mode);
            if (mailedCode(store).lastMailFailed(user.getId(), current)) {
                form.setError(MailedCode.SEND_FAILED_MESSAGE);
            }
            context.challenge(form.createForm(TEMPLATE));
            return;
        }
        send(context, now, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Mode mode = mode(context);
        if (mode == Mode.NONE) {
            context.challenge(form(context, mode).createForm(TEMPLATE));
            return;
        }
        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().user(user).error(bruteForceError);
            context.forceChallenge(form(context, mode)
                    .setError(Errors.USER_TEMPORARILY_DISABLED.equals(bruteForceError)
                            ? "kosmoCodeLockedTemporarily" : "kosmoCodeLockedPermanently")
                    .createForm(TEMPLATE));
            return;
        }
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        if (mode == Mode.RECOVERY_CODE) {
            recoveryCode(context, formData.getFirst(FIELD_RECOVERY_CODE));
        } else if (formData.containsKey(RESEND)) {
            resend(context);
        } else {
            mailCodeAndBirthdate(context, formData.getFirst(FIELD_CODE), formData.getFirst(FIELD_BIRTHDATE));
        }
    }

    private static void recoveryCode(AuthenticationFlowContext context, String typed) {
        UserModel user = context.getUser();
        String code = RecoveryCodeInput.normalise(typed);
        if (code == null) {
            context.challenge(fieldError(context, Mode.RECOVERY_CODE, FIELD_RECOVERY_CODE, "kosmoRecoveryCodeFormat"));
            return;
        }
        boolean valid = user.credentialManager().isValid(UserCredentialModel.buildFromBackupAuthnCode(code));
        if (!valid) {
            context.getEvent().user(user).detail(Details.CREDENTIAL_TYPE, RecoveryAuthnCodesCredentialModel.TYPE)
                    .error(Errors.INVALID_USER_CREDENTIALS);
            countRecovery(context, RecoveryNotes.BY_RECOVERY_CODE, Tags.RecoveryOutcome.FAILED);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    fieldError(context, Mode.RECOVERY_CODE, FIELD_RECOVERY_CODE, "kosmoRecoveryCodeWrong"));
            return;
        }
        // as Keycloak's own recovery-code form: a set whose codes are all used goes
        recoveryCodes(user).map(RecoveryAuthnCodesCredentialModel::createFromCredentialModel)
                .filter(RecoveryAuthnCodesCredentialModel::allCodesUsed)
                .ifPresent(used -> user.credentialManager().removeStoredCredentialById(used.getId()));
        recovered(context, RecoveryNotes.BY_RECOVERY_CODE);
    }

    private void resend(AuthenticationFlowContext context) {
        send(context, Time.currentTime(), "kosmoCodeResent");
    }

    private static void mailCodeAndBirthdate(AuthenticationFlowContext context, String typedCode, String typedBirthdate) {
        UserModel user = context.getUser();
        RealmModel realm = context.getRealm();
        LocalDate today = MembersZone.of(realm).today(KeycloakClock.INSTANCE);
        CodeInput.Result code = CodeInput.parse(typedCode);
        if (!code.isValid()) {
            context.challenge(fieldError(context, Mode.MAIL, FIELD_CODE, "kosmoCodeFormat"));
            return;
        }
        BirthdateInput.Result birthdate = BirthdateInput.parse(typedBirthdate, today);
        if (!birthdate.isValid()) {
            context.challenge(fieldError(context, Mode.MAIL, FIELD_BIRTHDATE, birthdate.problem().messageKey()));
            return;
        }
        // the birthdate first: a wrong one is counted without using up a try of the mailed code
        if (!birthdate.date().equals(birthdateOnFile(user, today))) {
            context.getEvent().user(user).detail(Details.REASON, KosmoEvents.REASON_BIRTHDATE_MISMATCH)
                    .error(Errors.INVALID_USER_CREDENTIALS);
            countRecovery(context, RecoveryNotes.BY_EMAIL_CODE, Tags.RecoveryOutcome.FAILED);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    fieldError(context, Mode.MAIL, FIELD_BIRTHDATE, "kosmoBirthdateWrong"));
            return;
        }
        EmailOtpConfig codes = EmailOtpConfig.DEFAULTS;
        long now = Time.currentTime();
        CodeStore store = CodeStore.of(context.getSession());
        RecoveryMailCode mailCodes = new RecoveryMailCode(store);
        IssuedCode current = mailCodes.current(user.getId());
        if (current == null) {
            context.challenge(fieldError(context, Mode.MAIL, FIELD_CODE, "kosmoCodeDead"));
            return;
        }
        CodeAttempts.Result result = new CodeAttempts(store).verify(current, code.code(), now, codes.maxTries());
        switch (result.outcome()) {
            case OK -> {
                mailCodes.forget(user.getId());
                new MemberMailLimit(store).codeUsed(MAIL_KIND, user.getId(), now);
                recovered(context, RecoveryNotes.BY_EMAIL_CODE);
            }
            case WRONG -> {
                context.getEvent().user(user).detail(Details.CREDENTIAL_TYPE, RecoveryAuthnCodesCredentialModel.TYPE)
                        .error(Errors.INVALID_USER_CREDENTIALS);
                countRecovery(context, RecoveryNotes.BY_EMAIL_CODE, Tags.RecoveryOutcome.FAILED);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, fieldError(context, Mode.MAIL,
                        FIELD_CODE, result.triesLeft() == 0 ? "kosmoCodeDead" : "kosmoCodeWrong"));
            }
            case DEAD, USED -> context.challenge(fieldError(context, Mode.MAIL, FIELD_CODE, "kosmoCodeDead"));
            case EXPIRED -> {
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(fieldError(context, Mode.MAIL, FIELD_CODE, "kosmoCodeExpired"));
            }
        }
    }

    /** Proven: the recovery goes on in the required actions of this login (chooser, enrolment, end). */
    private static void recovered(AuthenticationFlowContext context, String by) {
        if (RecoveryNotes.of(context.getAuthenticationSession()).begin(context.getUser(), by)) {
            countRecovery(context, by, Tags.RecoveryOutcome.STARTED);
        }
        context.getEvent().detail(KosmoEvents.DETAIL_RECOVERED_BY, by);
        context.success();
    }

    /** A recovery started or refused, by how the member proves who they are ({@link RecoveryNotes}'s BY_…). */
    private static void countRecovery(AuthenticationFlowContext context, String by, Tags.RecoveryOutcome outcome) {
        EventTallies.recoveredBy(by).ifPresent(tag ->
                KosmoMetrics.count(context.getSession(), context.getRealm(), Tally.recovery(tag, outcome)));
    }

    /**
     * Queues a recovery code mail within the member's allowance (its own kind, apart from login codes) and keeps the
     * code; the mail goes after this request has committed ({@link MemberMails}).
     */
    private void send(AuthenticationFlowContext context, long now, String infoKey) {
        UserModel user = context.getUser();
        String address = MemberAddress.verified(user);
        CodeStore store = CodeStore.of(context.getSession());
        MailOrigin origin = MailOrigin.of(context.getSession(), context.getRealm(), user, context.getEvent());
        MailedCode.Result mailed = mailedCode(store).send(user.getId(), now,
                code -> mails.afterCommit(context.getSession(),
                        new CodeMail(origin, address, code, Tags.Mail.RECOVERY_CODE, null)),
                new RecoveryMailCode(store)::save);
        LoginFormsProvider form = mailed.explain(form(context, Mode.MAIL));
        if (mailed.queued() && infoKey != null) {
            form.setInfo(infoKey);
        }
        context.challenge(form.createForm(TEMPLATE));
    }

    private static MailedCode mailedCode(CodeStore store) {
        EmailOtpConfig codes = EmailOtpConfig.DEFAULTS;
        return new MailedCode(store, MAIL_KIND, codes.lifetimeSeconds(), codes.cooldownSeconds(), codes.maxSends());
    }

    /** Recovery codes if the member has unused ones; else mail + birthdate if allowed and possible; else none. */
    static Mode mode(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        boolean codes = recoveryCodes(user).map(RecoveryAuthnCodesCredentialModel::createFromCredentialModel)
                .filter(c -> !c.allCodesUsed()).isPresent();
        if (codes) {
            return Mode.RECOVERY_CODE;
        }
        LocalDate today = MembersZone.of(context.getRealm()).today(KeycloakClock.INSTANCE);
        boolean mail = PhoneRecoveryConfig.of(context.getAuthenticatorConfig()).emailFallback()
                && MemberAddress.verified(user) != null && birthdateOnFile(user, today) != null;
        return mail ? Mode.MAIL : Mode.NONE;
    }

    private static Optional<CredentialModel> recoveryCodes(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE).findFirst();
    }

    private static LocalDate birthdateOnFile(UserModel user, LocalDate today) {
        return BirthdateOnFile.of(user, BirthdateConfig.DEFAULTS.attribute(), today);
    }


    private static LoginFormsProvider form(AuthenticationFlowContext context, Mode mode) {
        LoginFormsProvider form = context.form()
                .setAttribute("kosmoRecoveryPage", true)
                .setAttribute("kosmoRecoveryMode", mode.id);
        if (mode == Mode.RECOVERY_CODE) {
            recoveryCodes(context.getUser()).map(RecoveryAuthnCodesCredentialModel::createFromCredentialModel)
                    .flatMap(RecoveryAuthnCodesCredentialModel::getNextRecoveryAuthnCode)
                    .ifPresent(next -> form.setAttribute("kosmoRecoveryCodeNumber", Integer.toString(next.getNumber())));
        } else if (mode == Mode.MAIL) {
            EmailOtpConfig codes = EmailOtpConfig.DEFAULTS;
            form.setAttribute("kosmoCodeEmail", AddressMask.mask(MemberAddress.verified(context.getUser())))
                    .setAttribute("kosmoCodeTtlMinutes", Math.max(1, codes.lifetimeSeconds() / 60))
                    .setAttribute("kosmoCodeCooldownSeconds", codes.cooldownSeconds());
        } else {
            form.setError("kosmoRecoveryNoWay");
        }
        return form;
    }

    private static jakarta.ws.rs.core.Response fieldError(AuthenticationFlowContext context, Mode mode, String field,
                                                          String message) {
        return form(context, mode).addError(new FormMessage(field, message)).createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Offered to a member who has a sign-in method to lose; a new member enrols through the onboarding. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return MemberMethods.of(user).hasEnrolledMethod();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
