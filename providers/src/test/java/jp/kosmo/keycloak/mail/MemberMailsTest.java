package jp.kosmo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;

class MemberMailsTest {

    /** A mail that records what happened to it; its send fails when told to. */
    private static final class TestMail implements MemberMail {
        final List<String> log;
        final boolean refuse;

        TestMail(List<String> log, boolean refuse) {
            this.log = log;
            this.refuse = refuse;
        }

        @Override
        public void send(KeycloakSession session) throws EmailException {
            if (refuse) {
                log.add("refused");
                throw new EmailException("550 refused for someone@example.com", new ConnectException("Connection refused"));
            }
            log.add("sent");
        }

        @Override
        public void failed(KeycloakSession session) {
            log.add("failed");
        }

        @Override
        public String describe() {
            return "a test mail";
        }
    }

    /** An executor that keeps what it is given until the test runs it. */
    private static final class HeldExecutor implements Executor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void runAll() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    /** Each task in a "transaction" of its own: here, simply run without a session. */
    private final MemberMails.Transactions transactions = task -> task.run(null);
    private final List<String> log = new ArrayList<>();
    private final HeldExecutor executor = new HeldExecutor();

    @Nested
    @DisplayName("after the request")
    class AfterTheRequest {

        @Test
        @DisplayName("nothing is handed over before the request commits, and nothing at all when it rolls back")
        void onlyOnCommit() {
            MemberMails mails = new MemberMails("test mails", 10);
            MemberMails.AfterCommit committed = new MemberMails.AfterCommit(mails, transactions, executor,
                    List.of(new TestMail(log, false)));
            committed.begin();
            assertEquals(0, executor.held.size(), "not before the commit");
            committed.commit();
            assertEquals(1, executor.held.size());
            assertEquals(List.of(), log, "handed over, not sent on the request's thread");
            executor.runAll();
            assertEquals(List.of("sent"), log);

            MemberMails.AfterCommit rolledBack = new MemberMails.AfterCommit(mails, transactions, executor,
                    List.of(new TestMail(log, false)));
            rolledBack.begin();
            rolledBack.rollback();
            assertEquals(0, executor.held.size());
        }
    }

    @Nested
    @DisplayName("a mail that does not go")
    class NotSent {

        @Test
        @DisplayName("refused by the mail server: recorded as failed in a transaction of its own, nothing thrown")
        void refused() {
            MemberMails mails = new MemberMails("test mails", 10);
            mails.submit(transactions, executor, new TestMail(log, true));
            assertDoesNotThrow(executor::runAll);
            assertEquals(List.of("refused", "failed"), log);
            assertEquals(0, mails.jobs().pending());
        }

        @Test
        @DisplayName("beyond the bound: dropped at once, recorded as failed, never sent; the bound holds")
        void full() {
            MemberMails mails = new MemberMails("test mails", 2);
            mails.submit(transactions, executor, new TestMail(log, false));
            mails.submit(transactions, executor, new TestMail(log, false));
            mails.submit(transactions, executor, new TestMail(log, false));
            assertEquals(List.of("failed"), log, "the third is recorded as failed without waiting");
            assertEquals(2, executor.held.size());
            assertEquals(1, mails.jobs().dropped());
            executor.runAll();
            assertEquals(List.of("failed", "sent", "sent"), log);
            assertEquals(0, mails.jobs().pending());
        }

        @Test
        @DisplayName("refused by the executor: recorded as failed")
        void executorRefuses() {
            MemberMails mails = new MemberMails("test mails", 2);
            mails.submit(transactions, command -> {
                throw new RejectedExecutionException("shut down");
            }, new TestMail(log, false));
            assertEquals(List.of("failed"), log);
        }

        @Test
        @DisplayName("a failure while recording the failure goes no further")
        void recordingFails() {
            MemberMail broken = new MemberMail() {
                @Override
                public void send(KeycloakSession session) throws EmailException {
                    throw new EmailException("down");
                }

                @Override
                public void failed(KeycloakSession session) {
                    throw new IllegalStateException("no database");
                }

                @Override
                public String describe() {
                    return "a broken mail";
                }
            };
            assertDoesNotThrow(() -> MemberMails.deliver(transactions, broken));
        }
    }

    @Nested
    @DisplayName("the log line")
    class LogLine {

        @Test
        @DisplayName("names the mail server's own exception, never its message (it may carry the address)")
        void innermost() {
            ConnectException root = new ConnectException("Connection refused to someone@example.com");
            Throwable wrapped = new EmailException("could not send", new IllegalStateException("x", root));
            assertSame(root, MemberMails.innermost(wrapped));
        }
    }
}
