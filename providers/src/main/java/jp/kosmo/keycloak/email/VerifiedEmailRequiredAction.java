package jp.kosmo.keycloak.email;

import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.MessageType;
import org.keycloak.models.UserModel;

import jp.kosmo.keycloak.code.CodeBounds;
import jp.kosmo.keycloak.email.VerifiedEmailForms.PageMessage;

/**
 * 【5】-【7】 Required action {@code kosmo-verified-email}: the member sets an email address, verifies it by the link
 * or the code of one mail, and only then goes on.
 *
 * <p>The member's email on the user model is the truth: as soon as it is set and verified (by the code here, or by
 * the link in any browser or device, see {@link VerifyEmailLinkTokenHandler}), a refresh of the original tab or its
 * continue button completes the action. Page state lives in authentication-session notes
 * ({@link VerificationNotes}), so a refresh shows the same page again.
 */
public final class VerifiedEmailRequiredAction implements RequiredActionProvider {

    /** The values of the hidden {@value VerifiedEmailForms#FIELD_ACTION} field, one per form on the pages. */
    enum FormAction {
        ADDRESS, VERIFY, RESEND, CHANGE, CONTINUE;

        static FormAction of(String value) {
            if (value == null) {
                return null;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final AddressSubmission addressSubmission;
    private final CodeSubmission codeSubmission;
    private final ResendSubmission resendSubmission;
    private final CodeBounds bounds;

    VerifiedEmailRequiredAction(VerificationMailer mailer, CodeBounds bounds) {
        this.bounds = bounds;
        this.addressSubmission = new AddressSubmission(mailer);
        this.codeSubmission = new CodeSubmission();
        this.resendSubmission = new ResendSubmission(mailer);
    }

    /** True while the member has no email or an unverified one: the gate is closed. */
    static boolean needsVerification(UserModel user) {
        String email = user.getEmail();
        return email == null || email.trim().isEmpty() || !user.isEmailVerified();
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (needsVerification(context.getUser())) {
            // on the login only, not on the member: the verified email itself is what the gate looks at
            context.getAuthenticationSession().addRequiredAction(VerifiedEmailRequiredActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (completedIfVerified(context)) {
            return;
        }
        showCurrentPage(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (completedIfVerified(context)) {
            return;
        }
        VerifiedEmailConfig config = VerifiedEmailConfig.of(context.getConfig(), bounds);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        FormAction action = FormAction.of(form.getFirst(VerifiedEmailForms.FIELD_ACTION));
        if (action == FormAction.ADDRESS) {
            addressSubmission.submit(context, config);
            return;
        }
        String address = mailedAddress(context);
        if (address == null || action == null) {
            showCurrentPage(context);
            return;
        }
        switch (action) {
            case VERIFY -> codeSubmission.verify(context, config, address);
            case RESEND -> resendSubmission.resend(context, config, address);
            case CHANGE -> {
                new VerificationNotes(context.getAuthenticationSession()).clear();
                context.challenge(VerifiedEmailForms.addressPage(context, address, false, null, PageMessage.NONE));
            }
            case CONTINUE -> context.challenge(VerifiedEmailForms.codePage(context, config, address, null,
                    new PageMessage(MessageType.WARNING, "kosmoVerifiedEmailNotYetVerified")));
            default -> showCurrentPage(context);
        }
    }

    /** 【7】 the link was confirmed elsewhere (or an admin verified the address): the action is done. */
    private static boolean completedIfVerified(RequiredActionContext context) {
        if (needsVerification(context.getUser())) {
            return false;
        }
        new VerificationNotes(context.getAuthenticationSession()).clear();
        context.success();
        return true;
    }

    /** 【6】 when this login already sent a mail to the member's address, else 【5】 with the address on file. */
    private void showCurrentPage(RequiredActionContext context) {
        String address = mailedAddress(context);
        if (address != null) {
            context.challenge(VerifiedEmailForms.codePage(context, VerifiedEmailConfig.of(context.getConfig(), bounds), address,
                    null, PageMessage.NONE));
            return;
        }
        String current = context.getUser().getEmail();
        context.challenge(VerifiedEmailForms.addressPage(context, current == null ? "" : current, false, null,
                PageMessage.NONE));
    }

    /** The pending address of this login's last mail; null when none was sent yet (the member starts at 【5】). */
    private static String mailedAddress(RequiredActionContext context) {
        return new VerificationNotes(context.getAuthenticationSession()).address();
    }

    @Override
    public void close() {
    }
}
