package jp.kosmo.keycloak.email;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.MessageType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.validation.Validation;
import org.keycloak.userprofile.EventAuditingAttributeChangeListener;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.ValidationException;

import jp.kosmo.keycloak.email.VerifiedEmailForms.PageMessage;

/**
 * 【5】 実行 on the address page: validate the address the way Keycloak's own update-email does (the realm's user
 * profile: format, length, no other member with it), send the one mail of 【6】, then store the address unverified and
 * sign out the member's other sessions when asked. On any error (bad address, cooldown, mail server down) the page
 * comes back with the typed value and nothing is saved.
 */
final class AddressSubmission {

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
        UserProfile profile;
        try {
            profile = UpdateEmail.validateEmailUpdate(context.getSession(), user, trimmed);
        } catch (ValidationException invalid) {
            fieldError(context, typed, logoutOtherSessions, Validation.getFormErrorsFromValidation(invalid.getErrors()));
            return;
        }

        long remaining = new ResendCooldownStore(context.getSession()).remainingSeconds(user, config.resendCooldownSeconds());
        if (remaining > 0) {
            context.challenge(VerifiedEmailForms.addressPage(context, typed, logoutOtherSessions, null,
                    new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailResendWait", Long.toString(remaining))));
            return;
        }

        // the mail goes out first: if the mail server refuses it, nothing is saved and the member may simply retry
        String address = KeycloakModelUtils.toLowerCaseSafe(profile.getAttributes().getFirst(UserModel.EMAIL));
        if (!mailer.send(context, config, address)) {
            context.challenge(VerifiedEmailForms.addressPage(context, typed, logoutOtherSessions, null,
                    new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailSendFailed")));
            return;
        }
        store(context, profile);
        if (logoutOtherSessions) {
            AuthenticatorUtil.logoutOtherSessions(context);
        }
        context.challenge(VerifiedEmailForms.codePage(context, config, context.getUser().getEmail(), null, PageMessage.NONE));
    }

    /** The address becomes the member's email, unverified (the user profile's update-email context resets the flag). */
    private static void store(RequiredActionContext context, UserProfile profile) {
        UserModel user = context.getUser();
        String previous = user.getEmail();
        String next = profile.getAttributes().getFirst(UserModel.EMAIL);
        if (previous != null && previous.equalsIgnoreCase(next)) {
            return;
        }
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_EMAIL)
                .user(user)
                .detail(Details.PREVIOUS_EMAIL, previous)
                .detail(Details.UPDATED_EMAIL, next);
        profile.update(false, new EventAuditingAttributeChangeListener(profile, event));
        user.setEmailVerified(false);
        event.success();
    }

    private static void fieldError(RequiredActionContext context, String typed, boolean logoutOtherSessions,
                                   List<FormMessage> errors) {
        context.challenge(VerifiedEmailForms.addressPage(context, typed, logoutOtherSessions, errors, PageMessage.NONE));
    }
}
