package jp.kosmo.keycloak.email;

import java.util.List;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.MessageType;
import org.keycloak.models.utils.FormMessage;

/** Renders the two member pages of the required action, 【5】 (set the address) and 【6】 (verify it). */
final class VerifiedEmailForms {

    /** 【5】 メールアドレスの設定. */
    static final String ADDRESS_TEMPLATE = "kosmo-verified-email.ftl";
    /** 【6】 the mail was sent: code, resend, change address, continue after the link. */
    static final String CODE_TEMPLATE = "kosmo-verified-email-code.ftl";

    static final String FIELD_EMAIL = "email";
    static final String FIELD_CODE = "code";
    /** The name Keycloak's own pages use for the same checkbox. */
    static final String FIELD_LOGOUT_SESSIONS = "logout-sessions";
    static final String FIELD_ACTION = "kosmoAction";

    /** Typed values longer than this are not echoed back into the page. */
    private static final int MAX_ECHO_LENGTH = 1000;

    private VerifiedEmailForms() {
    }

    /** A message above the form (alert), or none. */
    record PageMessage(MessageType type, String key, Object... parameters) {
        static final PageMessage NONE = new PageMessage(null, null);
    }

    static Response addressPage(RequiredActionContext context, String value, boolean logoutOtherSessions,
                                List<FormMessage> fieldErrors, PageMessage message) {
        LoginFormsProvider form = context.form()
                .setAttribute("kosmoEmailValue", echo(value))
                .setAttribute("kosmoLogoutSessions", logoutOtherSessions);
        if (fieldErrors != null && !fieldErrors.isEmpty()) {
            form.setErrors(fieldErrors);
        }
        return withMessage(withStep(context, form), message).createForm(ADDRESS_TEMPLATE);
    }

    /** The code page's message at its next view after a mail that did not go. */
    static final PageMessage SEND_FAILED = new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailSendFailed");

    /**
     * 【6】. When the mail of this login's code is known not to have gone, the page says so (in place of no message or
     * a warning; a refusal to resend stays), with 「メールを再送信」 below as always.
     */
    static Response codePage(RequiredActionContext context, VerifiedEmailConfig config, String address,
                             FormMessage fieldError, PageMessage message) {
        if ((message == null || message.key() == null || message.type() == MessageType.WARNING)
                && VerificationMailer.lastMailFailed(context)) {
            message = SEND_FAILED;
        }
        LoginFormsProvider form = context.form()
                .setAttribute("kosmoEmailAddress", address)
                .setAttribute("kosmoResendCooldownSeconds", Integer.toString(config.resendCooldownSeconds()))
                .setAttribute("kosmoCodeLifetimeMinutes", Integer.toString(config.codeLifetimeMinutes()));
        if (fieldError != null) {
            form.addError(fieldError);
        }
        return withMessage(withStep(context, form), message).createForm(CODE_TEMPLATE);
    }

    /** Both pages are one onboarding step (【5】-【7】). */
    private static LoginFormsProvider withStep(RequiredActionContext context, LoginFormsProvider form) {
        return OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attach(form, context.getUser(), OnboardingStep.EMAIL);
    }

    private static LoginFormsProvider withMessage(LoginFormsProvider form, PageMessage message) {
        if (message != null && message.key() != null) {
            form.setMessage(message.type(), message.key(), message.parameters());
        }
        return form;
    }

    private static String echo(String value) {
        return value == null || value.length() > MAX_ECHO_LENGTH ? "" : value;
    }
}
