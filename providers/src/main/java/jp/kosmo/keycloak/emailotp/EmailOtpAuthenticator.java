package jp.kosmo.keycloak.emailotp;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.code.CodeAttempts;
import jp.kosmo.keycloak.code.CodeBounds;
import jp.kosmo.keycloak.code.CodeInput;
import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.IssuedCode;
import jp.kosmo.keycloak.code.MailedCode;
import jp.kosmo.keycloak.code.MemberMailLimit;
import jp.kosmo.keycloak.email.MemberAddress;
import jp.kosmo.keycloak.email.AddressMask;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.mail.MailOrigin;
import jp.kosmo.keycloak.mail.MemberMails;
import jp.kosmo.keycloak.metrics.Tags;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Later logins of a member who chose "one-time password by email": a six-digit code is mailed to the member's
 * verified address and typed on the page. Reference category {@code otp}, so every wrong code is a failed login for
 * Keycloak's brute-force detector.
 *
 * <p>Fails closed: a member with the {@code kosmo-email-otp} credential always has to type a code, and the code only
 * ever goes to an address that was verified before this login (the member's email while it is verified); without
 * one the page says to contact the union and nobody gets in. The member's code, its tries and the mails sent are
 * kept per member across logins and nodes ({@link MemberLoginCode}, {@link CodeAttempts}, {@link MemberMailLimit}):
 * restarting the login neither sends another mail within the cooldown nor resets any count.
 */
public final class EmailOtpAuthenticator implements Authenticator {

    public static final String FIELD = "otp";
    public static final String RESEND = "resend";
    /** The kind of mail for {@link MemberMailLimit}. */
    static final String MAIL_KIND = "login-code";
    static final String TEMPLATE = "kosmo-email-otp.ftl";

    private final CodeBounds bounds;
    private final MemberMails mails;

    EmailOtpAuthenticator(CodeBounds bounds, MemberMails mails) {
        this.bounds = bounds;
        this.mails = mails;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        EmailOtpConfig config = EmailOtpConfig.of(context.getAuthenticatorConfig(), bounds);
        UserModel user = context.getUser();
        String address = MemberAddress.verified(user);
        if (address == null) {
            noVerifiedAddress(context);
            return;
        }
        long now = Time.currentTime();
        CodeStore store = CodeStore.of(context.getSession());
        IssuedCode current = new MemberLoginCode(store).current(user.getId());
        if (current != null && !new CodeAttempts(store).isSpent(current, now, config.maxTries())) {
            // a code mailed in this or an earlier login of the member is still good: ask for it, send nothing; if its
            // mail did not go, say so (the member resends; nothing is sent without being asked for)
            LoginFormsProvider form = form(context, config, address);
            if (mailedCode(store, config).lastMailFailed(user.getId(), current)) {
                form.setError(MailedCode.SEND_FAILED_MESSAGE);
            }
            context.challenge(form.createForm(TEMPLATE));
            return;
        }
        send(context, config, address, now, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        EmailOtpConfig config = EmailOtpConfig.of(context.getAuthenticatorConfig(), bounds);
        UserModel user = context.getUser();
        String address = MemberAddress.verified(user);
        if (address == null) {
            noVerifiedAddress(context);
            return;
        }
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();

        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().user(user).error(bruteForceError);
            context.forceChallenge(form(context, config, address)
                    .setError(Errors.USER_TEMPORARILY_DISABLED.equals(bruteForceError)
                            ? "kosmoCodeLockedTemporarily" : "kosmoCodeLockedPermanently")
                    .createForm(TEMPLATE));
            return;
        }

        long now = Time.currentTime();
        CodeStore store = CodeStore.of(context.getSession());
        if (formData.containsKey(RESEND)) {
            send(context, config, address, now, "kosmoCodeResent");
            return;
        }

        CodeInput.Result typed = CodeInput.parse(formData.getFirst(FIELD));
        if (!typed.isValid()) {
            context.challenge(fieldError(context, config, address, "kosmoCodeFormat"));
            return;
        }
        MemberLoginCode codes = new MemberLoginCode(store);
        IssuedCode current = codes.current(user.getId());
        if (current == null) {
            context.challenge(fieldError(context, config, address, "kosmoCodeDead"));
            return;
        }
        CodeAttempts.Result result = new CodeAttempts(store).verify(current, typed.code(), now, config.maxTries());
        switch (result.outcome()) {
            case OK -> {
                codes.forget(user.getId());
                new MemberMailLimit(store).codeUsed(MAIL_KIND, user.getId(), now);
                // also recorded as an "otp" credential so that Keycloak's brute-force detector clears the member's
                // failures after this login (it only does so for password, otp and recovery codes), in the reset
                // flow too, where no password was typed
                AuthenticatorUtil.addAuthCredential(context.getAuthenticationSession(), OTPCredentialModel.TYPE);
                context.success(EmailOtpCredentialModel.TYPE);
            }
            case WRONG -> {
                context.getEvent().user(user).detail(Details.CREDENTIAL_TYPE, EmailOtpCredentialModel.TYPE)
                        .error(Errors.INVALID_USER_CREDENTIALS);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, fieldError(context, config,
                        address, result.triesLeft() == 0 ? "kosmoCodeDead" : "kosmoCodeWrong"));
            }
            case DEAD, USED -> context.challenge(fieldError(context, config, address, "kosmoCodeDead"));
            case EXPIRED -> {
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(fieldError(context, config, address, "kosmoCodeExpired"));
            }
        }
    }

    /**
     * Queues a code mail within the member's allowance and keeps the code for the member; the mail goes after this
     * request has committed ({@link MemberMails}), so the page says it is on its way. A refusal (cooldown, hourly cap)
     * is the page's message.
     */
    private void send(AuthenticationFlowContext context, EmailOtpConfig config, String address, long now,
                      String infoKey) {
        UserModel user = context.getUser();
        CodeStore store = CodeStore.of(context.getSession());
        MailOrigin origin = MailOrigin.of(context.getSession(), context.getRealm(), user, context.getEvent());
        MailedCode.Result mailed = mailedCode(store, config).send(user.getId(), now,
                code -> mails.afterCommit(context.getSession(),
                        new CodeMail(origin, address, code, Tags.Mail.EMAIL_CODE, EmailOtpCredentialModel.TYPE)),
                new MemberLoginCode(store)::save);
        LoginFormsProvider form = mailed.explain(form(context, config, address));
        if (mailed.queued() && infoKey != null) {
            form.setInfo(infoKey);
        }
        context.challenge(form.createForm(TEMPLATE));
    }

    private static MailedCode mailedCode(CodeStore store, EmailOtpConfig config) {
        return new MailedCode(store, MAIL_KIND, config.lifetimeSeconds(), config.cooldownSeconds(), config.maxSends());
    }

    private static void noVerifiedAddress(AuthenticationFlowContext context) {
        context.getEvent().user(context.getUser()).detail(Details.CREDENTIAL_TYPE, EmailOtpCredentialModel.TYPE)
                .detail(Details.REASON, KosmoEvents.REASON_NO_VERIFIED_ADDRESS).error(Errors.INVALID_EMAIL);
        // a plain challenge: nothing was guessed, so nothing counts toward the lockout; the page has no way on
        context.challenge(context.form()
                .setAttribute("kosmoCodeNoAddress", true)
                .setError("kosmoEmailOtpNoAddress")
                .createForm(TEMPLATE));
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context, EmailOtpConfig config, String address) {
        return context.form()
                .setAttribute("kosmoCodeEmail", AddressMask.mask(address))
                .setAttribute("kosmoCodeTtlMinutes", Math.max(1, config.lifetimeSeconds() / 60))
                .setAttribute("kosmoCodeCooldownSeconds", config.cooldownSeconds());
    }

    private static Response fieldError(AuthenticationFlowContext context, EmailOtpConfig config, String address,
                                       String message) {
        return form(context, config, address).addError(new FormMessage(FIELD, message)).createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * Configured when the member has the credential, whatever the state of the address (the factor fails closed
     * rather than being skipped), and also when a member who had chosen a method no longer has any enrolled one
     * (removed in the account console or by an admin): then the password alone must not lead to the chooser, so
     * the member first proves the verified mailbox with a code.
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return provider(session).hasCredential(user) || MemberMethods.of(user).lostEveryMethod();
    }

    static EmailOtpCredentialProvider provider(KeycloakSession session) {
        return (EmailOtpCredentialProvider) session.getProvider(CredentialProvider.class,
                EmailOtpCredentialProviderFactory.PROVIDER_ID);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // enrolment goes through the kosmo-auth-method chooser
    }

    @Override
    public void close() {
    }
}
