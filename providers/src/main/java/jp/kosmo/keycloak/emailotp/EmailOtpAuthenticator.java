package jp.kosmo.keycloak.emailotp;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.code.CodeInput;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Later logins of a member who chose "one-time password by email": a six-digit code is mailed to the verified
 * address and typed on the page. Reference category {@code otp}, so every wrong code is a failed login for
 * Keycloak's brute-force detector.
 */
public final class EmailOtpAuthenticator implements Authenticator {

    public static final String FIELD = "otp";
    public static final String RESEND = "resend";
    static final String TEMPLATE = "kosmo-email-otp.ftl";

    private static final Logger LOG = Logger.getLogger(EmailOtpAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        EmailOtpConfig config = EmailOtpConfig.of(context.getAuthenticatorConfig());
        EmailOtpState state = EmailOtpState.of(context.getAuthenticationSession());
        long now = Time.currentTime();
        if (!state.hasLiveCode(now) && !state.isDead()) {
            if (!sendNewCode(context, config, state, now)) {
                return;
            }
        }
        context.challenge(form(context, config).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        EmailOtpConfig config = EmailOtpConfig.of(context.getAuthenticatorConfig());
        EmailOtpState state = EmailOtpState.of(context.getAuthenticationSession());
        UserModel user = context.getUser();
        long now = Time.currentTime();
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();

        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().user(user).error(bruteForceError);
            context.forceChallenge(form(context, config)
                    .setError(Errors.USER_TEMPORARILY_DISABLED.equals(bruteForceError)
                            ? "kosmoCodeLockedTemporarily" : "kosmoCodeLockedPermanently")
                    .createForm(TEMPLATE));
            return;
        }

        if (formData.containsKey(RESEND)) {
            resend(context, config, state, now);
            return;
        }

        CodeInput.Result typed = CodeInput.parse(formData.getFirst(FIELD));
        if (!typed.isValid()) {
            context.challenge(fieldError(context, config, "kosmoCodeFormat"));
            return;
        }
        String code = typed.code();
        switch (state.verify(code, now, config.maxTries())) {
            case OK -> context.success(EmailOtpCredentialModel.TYPE);
            case WRONG -> {
                context.getEvent().user(user).detail(Details.CREDENTIAL_TYPE, EmailOtpCredentialModel.TYPE)
                        .error(Errors.INVALID_USER_CREDENTIALS);
                String message = state.isDead() ? "kosmoCodeDead" : "kosmoCodeWrong";
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        fieldError(context, config, message));
            }
            case EXPIRED -> {
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(fieldError(context, config, "kosmoCodeExpired"));
            }
            case DEAD, NO_CODE -> context.challenge(fieldError(context, config, "kosmoCodeDead"));
        }
    }

    private void resend(AuthenticationFlowContext context, EmailOtpConfig config, EmailOtpState state, long now) {
        long wait = state.secondsUntilResend(now, config.cooldownSeconds());
        if (wait > 0) {
            context.challenge(form(context, config)
                    .setError("kosmoCodeResendWait", Long.toString(wait))
                    .createForm(TEMPLATE));
            return;
        }
        if (sendNewCode(context, config, state, now)) {
            context.challenge(form(context, config).setInfo("kosmoCodeResent").createForm(TEMPLATE));
        }
    }

    /** Issues and mails a code; on a mail failure shows a message and returns false (nothing else changes). */
    private boolean sendNewCode(AuthenticationFlowContext context, EmailOtpConfig config, EmailOtpState state, long now) {
        if (state.sends() >= config.maxSends()) {
            context.challenge(form(context, config).setError("kosmoCodeTooManySends").createForm(TEMPLATE));
            return false;
        }
        UserModel user = context.getUser();
        String code = state.issue(now, config.lifetimeSeconds());
        try {
            EmailOtpMailer.send(context.getSession(), context.getRealm(), user, context.getAuthenticationSession(),
                    code, config.lifetimeSeconds(), state.expiresAt());
            LOG.debugf("Sent one-time code %d of this login to member %s", state.sends(), user.getId());
            return true;
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send a one-time code to member %s", user.getId());
            context.challenge(form(context, config).setError("kosmoCodeSendFailed").createForm(TEMPLATE));
            return false;
        }
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context, EmailOtpConfig config) {
        return context.form()
                .setAttribute("kosmoCodeEmail", context.getUser().getEmail())
                .setAttribute("kosmoCodeTtlMinutes", Math.max(1, config.lifetimeSeconds() / 60))
                .setAttribute("kosmoCodeCooldownSeconds", config.cooldownSeconds());
    }

    private static Response fieldError(AuthenticationFlowContext context, EmailOtpConfig config, String message) {
        return form(context, config).addError(new FormMessage(FIELD, message)).createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return provider(session).isConfiguredFor(user);
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
