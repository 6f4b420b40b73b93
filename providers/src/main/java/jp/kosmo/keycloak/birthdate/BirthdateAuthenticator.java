package jp.kosmo.keycloak.birthdate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import jp.kosmo.keycloak.recovery.ResetSignInMethodAction;
import jp.kosmo.keycloak.time.MembersZone;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * 【3】 The member confirms the letter reached the right person by typing their birthdate.
 *
 * <p>A wrong (well-formed) birthdate is a failed login for Keycloak's brute-force detector: the factory's
 * reference category is {@code password}, which Keycloak 26.6+ counts. Malformed input is answered on the
 * same page and counts for nothing. This is a knowledge check on top of the password, never a factor or a
 * recovery path of its own.
 */
public final class BirthdateAuthenticator implements Authenticator {

    /** Form field name; also the field the messages are attached to. */
    public static final String FIELD = "birthdate";
    /** Set on the member (ISO-8601 instant, UTC) each time they pass; visible to admins. */
    public static final String VERIFIED_AT_ATTRIBUTE = "kosmoBirthdateVerifiedAt";

    static final String TEMPLATE = "kosmo-birthdate.ftl";

    private static final Logger LOG = Logger.getLogger(BirthdateAuthenticator.class);

    private final Clock clock;

    BirthdateAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        BirthdateConfig config = BirthdateConfig.of(context.getAuthenticatorConfig());
        UserModel user = context.getUser();
        // an admin's reset of the sign-in method skips the second factor: the birthdate is then asked again
        if (!config.askEveryLogin() && user.getFirstAttribute(VERIFIED_AT_ATTRIBUTE) != null
                && !ResetSignInMethodAction.hasAdminReset(user)) {
            context.success();
            return;
        }
        if (storedBirthdate(context.getRealm(), user, config) == null) {
            handleMissing(context, config);
            return;
        }
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .startAtBirthdate(user, config.askEveryLogin());
        context.challenge(form(context, null, null, ""));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        BirthdateConfig config = BirthdateConfig.of(context.getAuthenticatorConfig());
        UserModel user = context.getUser();
        LocalDate stored = storedBirthdate(context.getRealm(), user, config);
        if (stored == null) {
            handleMissing(context, config);
            return;
        }

        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().user(user).error(bruteForceError);
            String message = Errors.USER_TEMPORARILY_DISABLED.equals(bruteForceError)
                    ? "kosmoBirthdateLockedTemporarily" : "kosmoBirthdateLockedPermanently";
            context.forceChallenge(form(context, null, message, ""));
            return;
        }

        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        String typed = formData.getFirst(FIELD);
        BirthdateInput.Result input = BirthdateInput.parse(typed, today(context.getRealm()));
        if (!input.isValid()) {
            String keep = typed != null && typed.length() <= BirthdateInput.MAX_RAW_LENGTH ? typed : "";
            context.challenge(form(context, input.problem().messageKey(), null, keep));
            return;
        }

        if (!input.date().equals(stored)) {
            context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
            KosmoMetrics.count(context.getSession(), context.getRealm(), Tally.wrongBirthdate(Tags.Page.LOGIN));
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    form(context, "kosmoBirthdateWrong", null, ""));
            return;
        }

        if (user.getFirstAttribute(VERIFIED_AT_ATTRIBUTE) == null) {
            KosmoMetrics.count(context.getSession(), context.getRealm(), Tally.step(Tags.Step.BIRTHDATE));
        }
        user.setSingleAttribute(VERIFIED_AT_ATTRIBUTE, Instant.now(clock).toString());
        context.success();
    }

    private void handleMissing(AuthenticationFlowContext context, BirthdateConfig config) {
        UserModel user = context.getUser();
        if (config.allowMissing()) {
            LOG.debugf("Member %s has no birthdate on file; let through by configuration", user.getId());
            context.success();
            return;
        }
        context.getEvent().user(user).error(KosmoEvents.ERROR_BIRTHDATE_NOT_ON_FILE);
        context.forceChallenge(context.form()
                .setAttribute("kosmoBirthdateMissing", true)
                .setError("kosmoBirthdateMissing")
                .createForm(TEMPLATE));
    }

    private LocalDate storedBirthdate(RealmModel realm, UserModel user, BirthdateConfig config) {
        return BirthdateOnFile.of(user, config.attribute(), today(realm));
    }

    /** Today in the realm's zone: a birthdate after it is in the future wherever the server runs. */
    private LocalDate today(RealmModel realm) {
        return MembersZone.of(realm).today(clock);
    }

    private static Response form(AuthenticationFlowContext context, String fieldError, String pageError, String value) {
        var form = context.form().setAttribute("kosmoBirthdateValue", value);
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attach(form, context.getUser(), OnboardingStep.BIRTHDATE);
        if (fieldError != null) {
            form.addError(new FormMessage(FIELD, fieldError));
        }
        if (pageError != null) {
            form.setError(pageError);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing a member can set up: the birthdate is on file from the union's records
    }

    @Override
    public void close() {
    }
}
