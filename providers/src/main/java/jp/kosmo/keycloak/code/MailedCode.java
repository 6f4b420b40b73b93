package jp.kosmo.keycloak.code;

import java.security.SecureRandom;

import org.keycloak.forms.login.LoginFormsProvider;

/**
 * One code by mail to a member: the sequence every code page shares (the login code of {@code kosmo-email-otp}, the
 * recovery code of {@code kosmo-phone-recovery}). The mail is sent only within the member's allowance of its kind
 * (cooldown, hourly cap: {@link MemberMailLimit}); the code is issued, its salted hash kept by the caller's
 * {@link Keeper}, and the mail handed to the caller's {@link Mailer}, which sends it in the background after the
 * request has committed: the page never waits for the mail server. A mail that does not go is recorded with
 * {@link #failed}: it gives the allowance back and the page says so at its next view ({@link #lastMailFailed}).
 * {@link Result#explain} puts the reason a page sent nothing into the page's message.
 */
public final class MailedCode {

    private static final CodeIssuer ISSUER = new CodeIssuer(new SecureRandom());

    /** Takes the mail of a code to send it after the request (never sends it in the request). */
    @FunctionalInterface
    public interface Mailer {
        void queue(Pending mail);
    }

    /** Keeps the issued code (its salted hash) for the member until it is used or expires. */
    @FunctionalInterface
    public interface Keeper {
        void save(String userId, IssuedCode code, long now);
    }

    /**
     * A code mail still to be sent: the code itself lives only here until the mail is written, and is never part of
     * {@link #toString()}.
     */
    public record Pending(String kind, String userId, String code, IssuedCode kept, int lifetimeSeconds, long reservedAt) {

        @Override
        public String toString() {
            return "Pending[kind=" + kind + ", userId=" + userId + ", code id=" + kept.id() + "]";
        }
    }

    public enum Outcome { QUEUED, REFUSED }

    public record Result(Outcome outcome, MemberMailLimit.Allowance allowance) {

        /** The mail is on its way (handed over to be sent after the request). */
        public boolean queued() {
            return outcome == Outcome.QUEUED;
        }

        /** The page's message when nothing was sent: the hourly cap or the cooldown. */
        public LoginFormsProvider explain(LoginFormsProvider form) {
            return switch (outcome) {
                case QUEUED -> form;
                case REFUSED -> allowance.refusedBecause() == MemberMailLimit.Reason.HOURLY_CAP
                        ? form.setError("kosmoCodeTooManySends", Long.toString(Math.max(1, (allowance.waitSeconds() + 59) / 60)))
                        : form.setError("kosmoCodeResendWait", Long.toString(allowance.waitSeconds()));
            };
        }
    }

    /** The page's message at the next view after a mail that did not go. */
    public static final String SEND_FAILED_MESSAGE = "kosmoCodeSendFailed";

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

    /** Reserves one mail of the member's allowance, then issues and keeps a code and queues its mail. */
    public Result send(String userId, long now, Mailer mailer, Keeper keeper) {
        MemberMailLimit.Allowance allowance = new MemberMailLimit(store).tryReserve(kind, userId, now, cooldownSeconds, maxSends);
        if (!allowance.allowed()) {
            return new Result(Outcome.REFUSED, allowance);
        }
        CodeIssuer.Issued issued = ISSUER.issue(now, lifetimeSeconds);
        keeper.save(userId, issued.kept(), now);
        mailer.queue(new Pending(kind, userId, issued.code(), issued.kept(), lifetimeSeconds, now));
        return new Result(Outcome.QUEUED, allowance);
    }

    /** True when the mail of the member's current code {@code current} is known not to have gone. */
    public boolean lastMailFailed(String userId, IssuedCode current) {
        return new FailedMails(store).hasFailed(kind, userId, current);
    }

    /**
     * The mail did not go (refused by the mail server, or not queued): the allowance it used is given back and the
     * page says so at its next view. The kept code stays as it is: its tries still count.
     */
    public static void failed(CodeStore store, Pending mail) {
        FailedMails.record(store, mail.kind(), mail.userId(), mail.reservedAt(), mail.kept().id());
    }
}
