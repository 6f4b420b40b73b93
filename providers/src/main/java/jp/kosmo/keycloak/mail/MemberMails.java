package jp.kosmo.keycloak.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.email.EmailException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The member mails of one provider on one node, never in a page's answer time: a mail asked for in a request is
 * handed over only once that request's transaction has committed (a request that fails sends nothing), then sent on
 * Keycloak's executor {@value #EXECUTOR} (threads of its own, not the request threads), in a session and
 * transaction of its own. At most {@link BackgroundJobs#capacity()} mails wait or are being sent at once; beyond
 * that, and when the mail server refuses, the mail is recorded as failed ({@link MemberMail#failed}), so the
 * member's page says so at the next view and offers to send it again. Nothing here logs an address or a code.
 */
public final class MemberMails {

    /** Keycloak's executor the mails are sent on (per node: {@code --spi-executors--default--kosmo-mail-max=…}). */
    public static final String EXECUTOR = "kosmo-mail";
    /** The server option of each mailing provider: mails waiting or being sent on one node. */
    public static final String MAX_PENDING = "max-pending-mails";
    public static final int DEFAULT_MAX_PENDING = 200;

    private static final Logger LOG = Logger.getLogger(MemberMails.class);

    private final BackgroundJobs jobs;

    public MemberMails(String what, int capacity) {
        this.jobs = new BackgroundJobs(what, capacity);
    }

    /** The bound configured for a provider ({@value #MAX_PENDING}), the default when none or less than 1. */
    public static MemberMails configured(String what, Config.Scope config) {
        Integer configured = config == null ? null : config.getInt(MAX_PENDING);
        return new MemberMails(what, configured == null || configured < 1 ? DEFAULT_MAX_PENDING : configured);
    }

    public BackgroundJobs jobs() {
        return jobs;
    }

    /**
     * Sends {@code mail} in the background once {@code session}'s request has committed; at once (still in the
     * background) when there is no active transaction. Never throws and never waits for the mail server.
     */
    public void afterCommit(KeycloakSession session, MemberMail mail) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        Transactions transactions = task -> KeycloakModelUtils.runJobInTransaction(factory, task);
        Executor executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        KeycloakTransactionManager manager = session.getTransactionManager();
        if (manager == null || !manager.isActive()) {
            submit(transactions, executor, mail);
            return;
        }
        manager.enlistAfterCompletion(new AfterCommit(this, transactions, executor, List.of(mail)));
    }

    /** Runs a task in a new session and transaction of its own (Keycloak's {@code runJobInTransaction}). */
    @FunctionalInterface
    interface Transactions {
        void run(KeycloakSessionTask task);
    }

    void submit(Transactions transactions, Executor executor, MemberMail mail) {
        jobs.submit(executor, 0, () -> deliver(transactions, mail), () -> recordFailure(transactions, mail));
    }

    /** Sends one mail in its own session and transaction; a refusal is recorded in another one. */
    static void deliver(Transactions transactions, MemberMail mail) {
        try {
            transactions.run(session -> {
                try {
                    mail.send(session);
                } catch (EmailException e) {
                    throw new Refused(e);
                }
            });
        } catch (RuntimeException e) {
            Throwable cause = e instanceof Refused ? e.getCause() : e;
            LOG.warnf("Could not send %s (%s)", mail.describe(), innermost(cause).getClass().getSimpleName());
            recordFailure(transactions, mail);
        }
    }

    /** Records that the mail did not go; whatever goes wrong here is logged and goes no further. */
    static void recordFailure(Transactions transactions, MemberMail mail) {
        try {
            transactions.run(mail::failed);
        } catch (RuntimeException e) {
            LOG.errorf("Could not record the failure of %s (%s)", mail.describe(), e.getClass().getSimpleName());
        }
    }

    /** The mail server's own exception (connection refused, timeout), without its message: it may name the address. */
    static Throwable innermost(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        return inner;
    }

    /** The mail server refused; carries its exception out of the transaction, which it rolls back. */
    private static final class Refused extends RuntimeException {
        Refused(EmailException cause) {
            super(cause);
        }
    }

    /** The request's mails, handed to the background only when the request commits. */
    static final class AfterCommit extends AbstractKeycloakTransaction {

        private final MemberMails mails;
        private final Transactions transactions;
        private final Executor executor;
        private final List<MemberMail> pending;

        AfterCommit(MemberMails mails, Transactions transactions, Executor executor, List<MemberMail> pending) {
            this.mails = mails;
            this.transactions = transactions;
            this.executor = executor;
            this.pending = new ArrayList<>(pending);
        }

        @Override
        protected void commitImpl() {
            List<MemberMail> now = List.copyOf(pending);
            pending.clear();
            for (MemberMail mail : now) {
                try {
                    mails.submit(transactions, executor, mail);
                } catch (RuntimeException e) {
                    LOG.errorf("Could not queue %s (%s)", mail.describe(), e.getClass().getSimpleName());
                }
            }
        }

        @Override
        protected void rollbackImpl() {
            pending.clear();
        }
    }
}
