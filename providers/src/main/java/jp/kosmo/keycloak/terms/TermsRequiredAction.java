package jp.kosmo.keycloak.terms;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * 【4】 The member reads the terms of use and accepts them (同意する) or declines.
 *
 * <p>{@link #evaluateTriggers} asks for acceptance at every login while the version the member accepted last
 * (user attribute {@value #VERSION_ATTRIBUTE}) is not the configured current version, so raising the version
 * in the admin console is all it takes to have every member accept again. The request is put on the
 * authentication session only: nothing is flagged on the member, and the next login decides afresh.
 *
 * <p>Accepting stores the version and the time on the member and writes one row to {@code KOSMO_TERMS_ACCEPTANCE}.
 * The version goes onto the event Keycloak itself emits for the action's success ({@code CUSTOM_REQUIRED_ACTION},
 * detail {@value KosmoEvents#DETAIL_TERMS_VERSION}), so one acceptance is one event. Declining records nothing and
 * ends the login (see {@link TermsDecline}).
 */
public final class TermsRequiredAction implements RequiredActionProvider {

    /** The version the member accepted last. */
    public static final String VERSION_ATTRIBUTE = "kosmoTermsVersion";
    /** When they accepted it (ISO-8601 instant, UTC). */
    public static final String ACCEPTED_AT_ATTRIBUTE = "kosmoTermsAcceptedAt";

    static final String TEMPLATE = "kosmo-terms.ftl";
    /** Form fields: the version the page showed, and which button was pressed. */
    static final String FIELD_VERSION = "version";
    static final String ACCEPT = "accept";
    static final String DECLINE = "decline";
    /** Auth-session note: the version already recorded in this login, so a repeated submission adds no row. */
    static final String RECORDED_NOTE = "kosmo.terms.recorded";

    private final Clock clock;

    TermsRequiredAction(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        TermsConfig config = TermsConfig.of(context.getConfig());
        if (config.needsAcceptance(context.getUser().getFirstAttribute(VERSION_ATTRIBUTE))) {
            context.getAuthenticationSession().addRequiredAction(TermsRequiredActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, TermsConfig.of(context.getConfig()), null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        TermsConfig config = TermsConfig.of(context.getConfig());
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        if (formData.containsKey(DECLINE)) {
            TermsDecline.handle(context, config);
            return;
        }
        if (!formData.containsKey(ACCEPT)) {
            context.challenge(page(context, config, null));
            return;
        }
        if (!config.version().equals(formData.getFirst(FIELD_VERSION))) {
            // the terms changed while the page was open: what the member read is not what is current
            context.challenge(page(context, config, "kosmoTermsChanged"));
            return;
        }

        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!config.version().equals(authSession.getAuthNote(RECORDED_NOTE))) {
            record(context, config.version());
            authSession.setAuthNote(RECORDED_NOTE, config.version());
        }
        context.getEvent().detail(KosmoEvents.DETAIL_TERMS_VERSION, config.version());
        context.success();
    }

    private void record(RequiredActionContext context, String version) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UserModel user = context.getUser();
        user.setSingleAttribute(VERSION_ATTRIBUTE, version);
        user.setSingleAttribute(ACCEPTED_AT_ATTRIBUTE, now.toString());
        RequestOrigin origin = RequestOrigin.of(context.getConnection().getRemoteHost(),
                context.getHttpRequest().getHttpHeaders().getHeaderString(HttpHeaders.USER_AGENT));
        new TermsAcceptanceStore(context.getSession()).record(context.getRealm(), user, version, now, origin);
    }

    private static Response page(RequiredActionContext context, TermsConfig config, String infoMessage) {
        String accepted = context.getUser().getFirstAttribute(VERSION_ATTRIBUTE);
        LoginFormsProvider form = context.form().setAttribute("kosmoTermsVersion", config.version());
        if (accepted != null && config.needsAcceptance(accepted)) {
            form.setAttribute("kosmoTermsRevised", true);
        }
        if (infoMessage != null) {
            form.setInfo(infoMessage);
        }
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attach(form, context.getUser(), OnboardingStep.TERMS);
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
