package jp.kosmo.keycloak.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import jp.kosmo.keycloak.roster.RosterRowEntity.Status;
import jp.kosmo.keycloak.time.KeycloakClock;
import jp.kosmo.keycloak.time.MembersZone;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The roster imports of this node. A file is read in the upload request and its rows stored with the job in chunks
 * ({@link #STAGE_CHUNK} rows per transaction); then a coordinator thread hands the rows to a pool with one worker per
 * core (password hashing is the cost), each row in its own short transaction that changes the member and the row's
 * status together. What is done is in the database: after a restart {@link #resumeAll} goes on with the rows still
 * to do, and a row is never applied twice (its version column fails a second attempt).
 */
public final class RosterJobs {

    private static final Logger LOG = Logger.getLogger(RosterJobs.class);
    static final int STAGE_CHUNK = 500;
    static final int PAGE = 1000;
    static final int ATTEMPTS = 3;

    private final KeycloakSessionFactory factory;
    private final LetterSeal seal = new LetterSeal();
    private final ActivationSecrets secrets = new ActivationSecrets();
    private final int threads;
    /** One import at a time on this node, in the order they came. */
    private final java.util.concurrent.locks.ReentrantLock oneAtATime = new java.util.concurrent.locks.ReentrantLock(true);
    private final Clock clock;
    private volatile Executor workers;

    RosterJobs(KeycloakSessionFactory factory, int threads) {
        this.factory = factory;
        this.threads = threads;
        this.clock = KeycloakClock.INSTANCE;
    }

    /** Keycloak's managed executor (its threads carry what a Keycloak session needs); at most {@code threads} rows at once. */
    private Executor workers() {
        Executor executor = workers;
        if (executor == null) {
            KeycloakSession session = factory.create();
            try {
                executor = session.getProvider(ExecutorsProvider.class).getExecutor("kosmo-roster");
            } finally {
                session.close();
            }
            workers = executor;
        }
        return executor;
    }

    LetterSeal seal() {
        return seal;
    }

    ActivationSecrets secrets() {
        return secrets;
    }

    void shutdown() {
    }

    /**
     * Reads the file into a new job and starts it; returns its id.
     *
     * @throws NotARosterException the file is refused as a whole; nothing of it is kept
     */
    String start(String realmId, String adminId, InputStream body, Charset chosen, boolean dryRun, RosterSettings settings,
                 java.time.LocalDate today)
            throws IOException, NotARosterException {
        String jobId = UUID.randomUUID().toString();
        long now = clock.millis();
        inTransaction(s -> em(s).persist(new RosterJobEntity(jobId, realmId, now, adminId, dryRun, seal.keyId())));
        List<RosterRowEntity> chunk = new ArrayList<>(STAGE_CHUNK);
        AtomicInteger total = new AtomicInteger();
        RosterParser parser = new RosterParser(settings, today);
        Charset charset;
        try {
            charset = parser.parse(body, chosen, row -> {
                total.incrementAndGet();
                chunk.add(row.ok()
                        ? new RosterRowEntity(UUID.randomUUID().toString(), jobId, row.line(), Status.PENDING.name(), row.record().encode(), null, null)
                        : new RosterRowEntity(UUID.randomUUID().toString(), jobId, row.line(), Status.REJECTED.name(), null,
                        row.problem().name(), row.column()));
                if (chunk.size() == STAGE_CHUNK) {
                    flush(chunk);
                }
            });
        } catch (NotARosterException | IOException | RuntimeException e) {
            inTransaction(s -> {
                RosterJobEntity job = em(s).find(RosterJobEntity.class, jobId);
                em(s).createQuery("delete from RosterRowEntity r where r.jobId = :jobId").setParameter("jobId", jobId).executeUpdate();
                em(s).remove(job);
            });
            throw e;
        }
        flush(chunk);
        inTransaction(s -> {
            RosterJobEntity job = em(s).find(RosterJobEntity.class, jobId);
            job.total = total.get();
            job.charset = charset.name();
            job.state = RosterJobEntity.State.RUNNING.name();
        });
        LOG.infof("roster import %s: %d rows read (%s), dry run %s", jobId, total.get(), charset.name(), dryRun);
        workers().execute(() -> run(jobId));
        return jobId;
    }

    private void flush(List<RosterRowEntity> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<RosterRowEntity> rows = List.copyOf(chunk);
        chunk.clear();
        inTransaction(s -> rows.forEach(em(s)::persist));
    }

    /** At start-up: imports that were running go on; letters sealed by the previous key are issued anew. */
    void resumeAll() {
        List<String> running = new ArrayList<>();
        inTransaction(s -> {
            for (RosterJobEntity job : em(s).createNamedQuery(RosterJobEntity.RUNNING, RosterJobEntity.class).getResultList()) {
                if (!seal.keyId().equals(job.sealKeyId)) {
                    int lost = em(s).createNamedQuery(RosterRowEntity.RESEAL).setParameter("jobId", job.id).executeUpdate();
                    job.sealKeyId = seal.keyId();
                    LOG.infof("roster import %s resumes; %d letters issued before the restart are issued again", job.id, lost);
                }
                running.add(job.id);
            }
            em(s).createQuery("delete from RosterRowEntity r where r.jobId in (select j.id from RosterJobEntity j where j.state = 'STAGING')").executeUpdate();
            em(s).createQuery("delete from RosterJobEntity j where j.state = 'STAGING'").executeUpdate();
        });
        running.forEach(id -> workers().execute(() -> run(id)));
    }

    private void run(String jobId) {
        oneAtATime.lock();
        try {
            String[] realmId = new String[1];
            boolean[] dryRun = new boolean[1];
            inTransaction(s -> {
                RosterJobEntity job = em(s).find(RosterJobEntity.class, jobId);
                realmId[0] = job == null ? null : job.realmId;
                dryRun[0] = job != null && job.dryRun;
            });
            if (realmId[0] == null) {
                return;
            }
            while (true) {
                List<String> ids = new ArrayList<>();
                inTransaction(s -> {
                    for (Status status : List.of(Status.PENDING, Status.REISSUE)) {
                        ids.addAll(em(s).createNamedQuery(RosterRowEntity.IDS_BY_STATUS, String.class)
                                .setParameter("jobId", jobId).setParameter("status", status.name()).setMaxResults(PAGE).getResultList());
                    }
                });
                if (ids.isEmpty()) {
                    break;
                }
                // one loop per worker, each taking the next row until none is left: at most `threads` rows at once
                ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(ids);
                CompletableFuture<?>[] loops = new CompletableFuture<?>[threads];
                for (int i = 0; i < threads; i++) {
                    loops[i] = CompletableFuture.runAsync(() -> {
                        for (String id = queue.poll(); id != null; id = queue.poll()) {
                            processWithRetries(jobId, id, realmId[0], dryRun[0]);
                        }
                    }, workers());
                }
                CompletableFuture.allOf(loops).join();
            }
            inTransaction(s -> {
                RosterJobEntity job = em(s).find(RosterJobEntity.class, jobId);
                if (job != null) {
                    job.state = RosterJobEntity.State.DONE.name();
                }
            });
            LOG.infof("roster import %s done", jobId);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "roster import %s stopped; it goes on at the next start", jobId);
        } finally {
            oneAtATime.unlock();
        }
    }

    private void processWithRetries(String jobId, String rowId, String realmId, boolean dryRun) {
        Throwable last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                inTransaction(s -> process(s, rowId, realmId, dryRun));
                return;
            } catch (RuntimeException | Error e) {
                last = e;
            }
        }
        // the exception names no password: activation passwords are made inside the transaction and only sealed
        LOG.warnf(last, "roster import %s: a row failed %d times", jobId, ATTEMPTS);
        inTransaction(s -> {
            RosterRowEntity row = em(s).find(RosterRowEntity.class, rowId);
            if (row != null && (Status.PENDING.name().equals(row.status) || Status.REISSUE.name().equals(row.status))) {
                row.status = Status.FAILED.name();
                row.problem = "ERROR";
                row.data = null;
            }
        });
    }

    /** One row in the caller's transaction; the job's realm and dry-run flag were read once for the whole job. */
    private void process(KeycloakSession session, String rowId, String realmId, boolean dryRun) {
        EntityManager em = em(session);
        RosterRowEntity row = em.find(RosterRowEntity.class, rowId);
        if (row == null || !(Status.PENDING.name().equals(row.status) || Status.REISSUE.name().equals(row.status))) {
            return;
        }
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        RosterSettings settings = RosterSettings.of(realm, "");
        Instant now = clock.instant();
        MemberUpsert upsert = new MemberUpsert(session, realm, settings, secrets, now, MembersZone.of(realm).today(clock));
        RosterRecord record = RosterRecord.decode(row.data);
        if (Status.REISSUE.name().equals(row.status)) {
            var user = session.users().getUserByUsername(realm, row.username);
            row.status = Status.CREATED.name();
            if (user != null) {
                row.letter = seal.seal(upsert.issue(user, record));
            }
            return;
        }
        MemberUpsert.Outcome outcome = upsert.apply(record, dryRun);
        row.status = outcome.status().name();
        row.username = outcome.username();
        if (outcome.letter() != null) {
            row.letter = seal.seal(outcome.letter());
        }
    }

    /** Counts per status of a job's rows. */
    static Map<Status, Long> counts(EntityManager em, String jobId) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        for (Object[] pair : em.createNamedQuery(RosterRowEntity.COUNTS, Object[].class).setParameter("jobId", jobId).getResultList()) {
            counts.put(Status.valueOf((String) pair[0]), ((Number) pair[1]).longValue());
        }
        return counts;
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    private void inTransaction(java.util.function.Consumer<KeycloakSession> work) {
        KeycloakModelUtils.runJobInTransaction(factory, work::accept);
    }
}
