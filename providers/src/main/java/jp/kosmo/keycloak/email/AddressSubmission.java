package jp.kosmo.keycloak.email;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import jp.kosmo.keycloak.code.MemberMailLimit;

import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.userprofile.ValidationException;

import jp.kosmo.keycloak.email.VerifiedEmailForms.PageMessage;

/**
 * 【5】 実行 on the address page. The address is validated the way Keycloak's own update-email does (the realm's user
 * profile: format, length) except for "another member has it", which must not show: a taken address gets exactly
 * the answer of a free one ({@link VerificationMailer}). The member's mail allowance is checked before any look-up.
 * The address stays pending in this login until it is verified; nothing is written on the member before that. On an
 * error (bad address, wait) the page comes back with the typed value; the mail itself goes after the answer, so a mail
 * server that is down or slow is shown on the code page at its next view ({@link VerificationMailer}).
 */
final class AddressSubmission {

    /** The user profile's message for an address another user has (Keycloak's theme key). */
    static final String EMAIL_EXISTS = "emailExistsMessage";

    private final VerificationMailer mailer;

    AddressSubmission(VerificationMailer mailer) {
        this.mailer = mailer;
    }

    void submit(RequiredActionContext context, VerifiedEmailConfig config) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typed = form.getFirst(VerifiedEmailForms.FIELD_EMAIL);
        boolean logoutOtherSessions = "on".equals(form.getFirst(VerifiedEmailForms.FIELD_LOGOUT_SESSIONS));
        String trimmed = typed == null ? "" : typed.strip();
        UserModel user = context.getUser();

        if (trimmed.isEmpty()) {
            fieldError(context, typed, logoutOtherSessions,
                    List.of(new FormMessage(VerifiedEmailForms.FIELD_EMAIL, "kosmoVerifiedEmailEmpty")));
            return;
        }
        List<FormMessage> problems = formatProblems(context, user, trimmed);
        if (!problems.isEmpty()) {
            fieldError(context, typed, logoutOtherSessions, problems);
            return;
        }

        long now = Time.currentTime();
        MemberMailLimit.Allowance allowance = mailer.reserve(context, config, now);
        if (!allowance.allowed()) {
            context.challenge(VerifiedEmailForms.addressPage(context, typed, logoutOtherSessions, null,
                    ResendSubmission.waitMessage(allowance)));
            return;
        }

        String address = KeycloakModelUtils.toLowerCaseSafe(trimmed);
        // the mail goes after this answer; if it does not, the code page says so at its next view
        mailer.send(context, config, address, now);
        if (logoutOtherSessions) {
            AuthenticatorUtil.logoutOtherSessions(context);
        }
        context.challenge(VerifiedEmailForms.codePage(context, config, address, null, PageMessage.NONE));
    }

    /** The user profile's verdict on the address, without "already in use" (that is answered like a free address). */
    static List<FormMessage> formatProblems(RequiredActionContext context, UserModel user, String address) {
        try {
            UpdateEmail.validateEmailUpdate(context.getSession(), user, address);
            return List.of();
        } catch (ValidationException invalid) {
            return invalid.getErrors().stream()
                    .filter(error -> !EMAIL_EXISTS.equals(error.getMessage()))
                    .map(error -> new FormMessage(error.getAttribute(), error.getMessage(), error.getMessageParameters()))
                    .toList();
        }
    }

    private static void fieldError(RequiredActionContext context, String typed, boolean logoutOtherSessions,
                                   List<FormMessage> errors) {
        context.challenge(VerifiedEmailForms.addressPage(context, typed, logoutOtherSessions, errors, PageMessage.NONE));
    }
}
