package jp.kosmo.keycloak.code;

import java.security.SecureRandom;

import org.keycloak.email.EmailException;
import org.keycloak.forms.login.LoginFormsProvider;

/**
 * One code by mail to a member: the sequence every code page shares (the login code of {@code kosmo-email-otp}, the
 * recovery code of {@code kosmo-phone-recovery}). The mail is sent only within the member's allowance of its kind
 * (cooldown, hourly cap: {@link MemberMailLimit}); the code is issued, mailed, and its salted hash kept by the caller's
 * {@link Keeper} only once the mail went out; a failed mail gives the allowance back. {@link Result#explain} puts the
 * reason a page sent nothing into the page's message.
 */
public final class MailedCode {

    private static final CodeIssuer ISSUER = new CodeIssuer(new SecureRandom());

    /** Sends the code; throws when the mail could not be handed to the mail server. */
    @FunctionalInterface
    public interface Mailer {
        void send(String code, int lifetimeSeconds, long expiresAt) throws EmailException;
    }

    /** Keeps the issued code (its salted hash) for the member until it is used or expires. */
    @FunctionalInterface
    public interface Keeper {
        void save(String userId, IssuedCode code, long now);
    }

    public enum Outcome { SENT, REFUSED, SEND_FAILED }

    public record Result(Outcome outcome, MemberMailLimit.Allowance allowance, EmailException failure) {

        public boolean sent() {
            return outcome == Outcome.SENT;
        }

        /** The page's message when nothing was sent: the hourly cap, the cooldown, or the failed mail. */
        public LoginFormsProvider explain(LoginFormsProvider form) {
            return switch (outcome) {
                case SENT -> form;
                case SEND_FAILED -> form.setError("kosmoCodeSendFailed");
                case REFUSED -> allowance.refusedBecause() == MemberMailLimit.Reason.HOURLY_CAP
                        ? form.setError("kosmoCodeTooManySends", Long.toString(Math.max(1, (allowance.waitSeconds() + 59) / 60)))
                        : form.setError("kosmoCodeResendWait", Long.toString(allowance.waitSeconds()));
            };
        }
    }

    private final CodeStore store;
    private final String kind;
    private final int lifetimeSeconds;
    private final int cooldownSeconds;
    private final int maxSends;

    /**
     * @param kind the allowance this mail counts against ({@code login-code}, {@code recovery-code}): one per page kind
     */
    public MailedCode(CodeStore store, String kind, int lifetimeSeconds, int cooldownSeconds, int maxSends) {
        this.store = store;
        this.kind = kind;
        this.lifetimeSeconds = lifetimeSeconds;
        this.cooldownSeconds = cooldownSeconds;
        this.maxSends = maxSends;
    }

    /** Reserves one mail of the member's allowance, then issues, mails and keeps a code. */
    public Result send(String userId, long now, Mailer mailer, Keeper keeper) {
        MemberMailLimit limit = new MemberMailLimit(store);
        MemberMailLimit.Allowance allowance = limit.tryReserve(kind, userId, now, cooldownSeconds, maxSends);
        if (!allowance.allowed()) {
            return new Result(Outcome.REFUSED, allowance, null);
        }
        CodeIssuer.Issued issued = ISSUER.issue(now, lifetimeSeconds);
        try {
            mailer.send(issued.code(), lifetimeSeconds, issued.kept().expiresAt());
        } catch (EmailException e) {
            limit.sendFailed(kind, userId, now);
            return new Result(Outcome.SEND_FAILED, allowance, e);
        }
        keeper.save(userId, issued.kept(), now);
        return new Result(Outcome.SENT, allowance, null);
    }
}
