package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.it.dist.DistributionFiles;
import jp.kosmo.keycloak.it.dist.KeycloakHome;
import jp.kosmo.keycloak.it.dist.KeycloakNode;
import jp.kosmo.keycloak.it.dist.LoopbackPorts;
import jp.kosmo.keycloak.it.dist.ScratchDatabase;
import jp.kosmo.keycloak.it.support.HttpBrowser;
import jp.kosmo.keycloak.it.support.JvmCpu;
import jp.kosmo.keycloak.it.support.KosmoUrls;
import jp.kosmo.keycloak.it.support.MemberLogins;
import jp.kosmo.keycloak.it.support.MemberLogins.Member;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.SmtpSink;
import jp.kosmo.keycloak.it.support.TableWrites;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * Benchmark, not a test (run with {@code -Pbenchmarks}, see README): login throughput of a returning KOSMO member
 * against Keycloak's stock browser flow with OTP, on one server in production mode ({@code kc.sh build}, then
 * {@code start --optimized}, {@code jp.kosmo.keycloak.it.dist}) on PostgreSQL (database {@code kosmo_bench},
 * created and dropped here).
 *
 * <p>Two realms with the same N members (default 200, {@code -Dkosmo.bench.members=…}), same passwords, same TOTP
 * secrets: {@code kosmo} from the production template ({@code kosmo-realm-production.json}), whose members got
 * there by a real first login each (letter password, birthdate, terms, address and mailed code, app OTP, new
 * password), and {@code stock}, a new realm with Keycloak's default browser flow (its conditional OTP asks every
 * member with an OTP credential) and the keycloak.v2 theme, whose members are Keycloak's partial import of the
 * same user IDs, passwords and OTP secrets. A login, in both realms: login page, user ID + password, the app's code,
 * the authorization code turned into tokens, in a new cookie jar each time; C concurrent clients (default 4,
 * {@code -Dkosmo.bench.clients=…}). After a warm-up of both realms, R alternating rounds (default 3,
 * {@code -Dkosmo.bench.rounds=…}) of N logins per realm. Prints logins/s, p50/p95 per login, the ratio KOSMO/stock
 * and the rows written per login ({@code pg_stat_user_tables}), and the server JVM's CPU seconds per login; then the
 * server's CPU seconds of one whole KOSMO first login against one stock login, one login at a time (mean of
 * {@code -Dkosmo.bench.cpu-logins=…} in a row, default 20).
 * Asserts nothing about time.
 */
class LoginThroughputBenchmark {

    static final int MEMBERS = Integer.getInteger("kosmo.bench.members", 200);
    static final int CLIENTS = Integer.getInteger("kosmo.bench.clients", 4);
    static final int ROUNDS = Integer.getInteger("kosmo.bench.rounds", 3);
    static final int WARM_UP = Integer.getInteger("kosmo.bench.warm-up", Math.min(MEMBERS, 100));
    static final int CPU_LOGINS = Integer.getInteger("kosmo.bench.cpu-logins", 20);
    /**
     * A diagnosis, not the template: {@code -Dkosmo.bench.kosmo-events-stored=false} switches off the KOSMO realm's
     * event store (its listeners still run), to see what the stored events cost.
     */
    static final boolean KOSMO_EVENTS_STORED = Boolean.parseBoolean(System.getProperty("kosmo.bench.kosmo-events-stored", "true"));
    static final String DATABASE = "kosmo_bench";
    static final String PG_USER = "postgres";
    static final String PG_PASSWORD = "postgres";

    static final String KOSMO = "kosmo";
    static final String STOCK = "stock";
    static final String BIRTHDATE = "1979-08-22";
    static final String BIRTHDATE_TYPED = "19790822";

    @Test
    void returningMemberLoginsAgainstStockKeycloak() throws Exception {
        DistributionFiles files = DistributionFiles.fromSystemProperties();
        KeycloakHome home = KeycloakHome.unpack(files, "bench");
        home.buildForPostgres(files.workDir().resolve("bench-build.log"));
        int httpPort = LoopbackPorts.free();
        try (ScratchDatabase database = ScratchDatabase.create(DATABASE);
             SmtpSink mail = SmtpSink.start();
             KeycloakNode server = KeycloakNode.builder("bench", home)
                     .args("start", "--optimized", "--http-enabled=true")
                     .httpPort(httpPort)
                     .managementPort(LoopbackPorts.free())
                     .option("hostname", "http://127.0.0.1:" + httpPort)
                     .postgres(database.jdbcUrl())
                     .start()) {
            server.awaitReady(Duration.ofMinutes(8));
            KosmoUrls urls = new KosmoUrls(server.baseUrl());
            JvmCpu cpu = JvmCpu.ofKeycloakHome(home.path());
            try (Keycloak admin = Keycloak.getInstance(server.baseUrl(), "master", KeycloakNode.ADMIN_USER,
                    KeycloakNode.ADMIN_PASSWORD, "admin-cli")) {
                createKosmoRealm(admin, server.baseUrl(), mail);
                createStockRealm(admin);
                new Bench(admin, urls, mail, cpu, new TableWrites(database.jdbcUrl(), PG_USER, PG_PASSWORD)).run();
            }
        }
    }

    /** Everything after the server is up: members, warm-up, the rounds, the CPU of single logins. */
    private static final class Bench {
        private final Keycloak admin;
        private final SmtpSink mail;
        private final JvmCpu cpu;
        private final TableWrites writes;
        private final MemberLogins kosmo;
        private final MemberLogins stock;

        Bench(Keycloak admin, KosmoUrls urls, SmtpSink mail, JvmCpu cpu, TableWrites writes) {
            this.admin = admin;
            this.mail = mail;
            this.cpu = cpu;
            this.writes = writes;
            this.kosmo = new MemberLogins(urls, KOSMO);
            this.stock = new MemberLogins(urls, STOCK);
        }

        void run() throws Exception {
            long setUp = System.nanoTime();
            importLetterMembers("bench", MEMBERS);
            List<Member> members = parallel(MEMBERS, browsers(kosmo), (browser, i) ->
                    kosmo.firstLogin(browser, name("bench", i), letterPassword(i), BIRTHDATE_TYPED, address(name("bench", i)),
                            newPassword(i), mail));
            importStockMembers(members);
            System.out.printf(Locale.ROOT, "set-up: %d KOSMO first logins over HTTP and the stock realm's import in %.0f s%n",
                    MEMBERS, seconds(setUp));

            // warm-up of both realms: the JIT, the caches and the connection pool, not counted
            runLogins(kosmo, members.subList(0, WARM_UP));
            runLogins(stock, members.subList(0, WARM_UP));

            Totals kosmoTotals = new Totals("KOSMO (login form -> OTP -> code)");
            Totals stockTotals = new Totals("stock (browser flow, OTP)       ");
            Map<String, Long> before = writes.settled();
            for (int round = 1; round <= ROUNDS; round++) {
                boolean kosmoFirst = round % 2 == 1;
                for (int turn = 0; turn < 2; turn++) {
                    boolean isKosmo = kosmoFirst == (turn == 0);
                    Run run = runLogins(isKosmo ? kosmo : stock, members);
                    Map<String, Long> after = writes.settled();
                    run.rows(TableWrites.delta(before, after));
                    before = after;
                    (isKosmo ? kosmoTotals : stockTotals).add(run);
                    System.out.printf(Locale.ROOT, "round %d %-5s %s%n", round, isKosmo ? KOSMO : STOCK, run);
                }
            }

            System.out.println("=== login throughput: one server, kc.sh start --optimized, PostgreSQL; " + MEMBERS
                    + " members per realm, " + CLIENTS + " clients, " + ROUNDS + " alternating rounds after a warm-up of "
                    + WARM_UP + " logins per realm; " + Runtime.getRuntime().availableProcessors() + " cores ===");
            System.out.println(kosmoTotals);
            System.out.println(stockTotals);
            System.out.printf(Locale.ROOT, "ratio KOSMO/stock: %.2f (logins/s); server CPU per login KOSMO/stock: %.2f%n",
                    kosmoTotals.rate() / stockTotals.rate(), kosmoTotals.cpuPerLogin() / stockTotals.cpuPerLogin());
            System.out.println("rows written per login, KOSMO: " + kosmoTotals.rowsByTable());
            System.out.println("rows written per login, stock: " + stockTotals.rowsByTable());

            cpuOfSingleLogins(members);
        }

        /**
         * One login at a time, nothing else running: the server JVM's CPU seconds per login, as the mean over
         * {@link #CPU_LOGINS} logins of each kind in a row (/proc counts CPU time in 10 ms ticks: one login alone would
         * be a handful of ticks).
         */
        private void cpuOfSingleLogins(List<Member> members) {
            importLetterMembers("cpu", CPU_LOGINS);
            HttpBrowser kosmoBrowser = kosmo.browser();
            HttpBrowser stockBrowser = stock.browser();
            // the noise floor: what the idle server spends in the same kind of time (timers, GC, JIT)
            double idleFrom = cpu.seconds();
            long idleStart = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Members.sleep(1000);
            }
            double idlePerSecond = (cpu.seconds() - idleFrom) / seconds(idleStart);
            double[] first = measure(i -> kosmo.firstLogin(kosmoBrowser, name("cpu", i), letterPassword(i),
                    BIRTHDATE_TYPED, address(name("cpu", i)), newPassword(i), mail));
            double[] returning = measure(i -> kosmo.returningLogin(kosmoBrowser, members.get(i % members.size())));
            double[] stockLogin = measure(i -> stock.returningLogin(stockBrowser, members.get(i % members.size())));
            System.out.printf(Locale.ROOT, "=== server JVM CPU seconds per login, one login at a time (mean of %d in a row; idle server %.3f CPU s/s) ===%n",
                    CPU_LOGINS, idlePerSecond);
            System.out.printf(Locale.ROOT, "KOSMO first login (all pages, mailed code, app OTP, new password, code-to-token): %.3f s CPU, %.2f s wall%n",
                    first[0], first[1]);
            System.out.printf(Locale.ROOT, "KOSMO returning login (password, OTP, code-to-token):                            %.3f s CPU, %.2f s wall%n",
                    returning[0], returning[1]);
            System.out.printf(Locale.ROOT, "stock login (password, OTP, code-to-token):                                      %.3f s CPU, %.2f s wall%n",
                    stockLogin[0], stockLogin[1]);
            System.out.printf(Locale.ROOT, "KOSMO first login / stock login: %.1f; KOSMO returning / stock login: %.2f (CPU)%n",
                    first[0] / stockLogin[0], returning[0] / stockLogin[0]);
        }

        /** {@link #CPU_LOGINS} logins in a row: the server's CPU seconds and the wall seconds, each per login. */
        private double[] measure(IntConsumer login) {
            double from = cpu.seconds();
            long start = System.nanoTime();
            for (int i = 0; i < CPU_LOGINS; i++) {
                login.accept(i);
            }
            double wall = seconds(start);
            return new double[] {(cpu.seconds() - from) / CPU_LOGINS, wall / CPU_LOGINS};
        }

        /** Every member once, in a random order, by {@link #CLIENTS} clients at once. */
        private Run runLogins(MemberLogins realm, List<Member> members) throws Exception {
            List<Member> order = new ArrayList<>(members);
            Collections.shuffle(order);
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            double cpuFrom = cpu.seconds();
            long start = System.nanoTime();
            parallel(order.size(), browsers(realm), (browser, i) -> {
                long t = System.nanoTime();
                realm.returningLogin(browser, order.get(i));
                latencies.add(seconds(t));
                return null;
            });
            return new Run(order.size(), seconds(start), latencies, cpu.seconds() - cpuFrom);
        }

        private static IntFunction<HttpBrowser> browsers(MemberLogins realm) {
            return client -> realm.browser();
        }

        private void importLetterMembers(String prefix, int count) {
            List<UserRepresentation> users = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                users.add(user(name(prefix, i), letterPassword(i), true, Map.of("birthdate", List.of(BIRTHDATE)),
                        null));
            }
            partialImport(KOSMO, users);
        }

        private void importStockMembers(List<Member> members) {
            List<UserRepresentation> users = new ArrayList<>();
            for (Member member : members) {
                UserRepresentation user = user(member.username(), member.password(), false, Map.of(), member.totpSecret());
                // the address the member verified in the KOSMO realm, verified here too: Keycloak's default user
                // profile asks for an email (VERIFY_PROFILE) otherwise
                user.setEmail(address(member.username()));
                user.setEmailVerified(true);
                users.add(user);
            }
            partialImport(STOCK, users);
        }

        private void partialImport(String realm, List<UserRepresentation> users) {
            for (int from = 0; from < users.size(); from += 100) {
                PartialImportRepresentation request = new PartialImportRepresentation();
                request.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
                request.setUsers(users.subList(from, Math.min(users.size(), from + 100)));
                try (Response response = admin.realm(realm).partialImport(request)) {
                    assertEquals(200, response.getStatus(), () -> "partial import into " + realm + ": " + response.readEntity(String.class));
                }
            }
        }
    }

    /** A user as the admin API takes it: a password (temporary for a letter), and for the stock realm an OTP credential. */
    static UserRepresentation user(String username, String password, boolean temporary, Map<String, List<String>> attributes,
                                   String totpSecret) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("太郎");
        user.setLastName("山田");
        user.setAttributes(attributes);
        List<CredentialRepresentation> credentials = new ArrayList<>();
        CredentialRepresentation secret = new CredentialRepresentation();
        secret.setType("password");
        secret.setValue(password);
        secret.setTemporary(temporary);
        credentials.add(secret);
        if (totpSecret != null) {
            // Keycloak's stored form of an OTP credential (OTPCredentialModel): the secret as the TOTP page posted it
            CredentialRepresentation otp = new CredentialRepresentation();
            otp.setType("otp");
            otp.setUserLabel("phone");
            otp.setSecretData(json(Map.of("value", totpSecret)));
            otp.setCredentialData(json(Map.of("subType", "totp", "digits", 6, "counter", 0, "period", 30,
                    "algorithm", "HmacSHA1")));
            credentials.add(otp);
        }
        user.setCredentials(credentials);
        if (temporary) {
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        }
        return user;
    }

    /** The production template with its placeholders filled as kc.sh --import-realm fills them from the environment. */
    static void createKosmoRealm(Keycloak admin, String baseUrl, SmtpSink mail) throws IOException {
        String json;
        try (InputStream in = LoginThroughputBenchmark.class.getResourceAsStream("/kosmo-realm-production.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace("${KOSMO_SMTP_HOST}", mail.host())
                .replace("${KOSMO_SMTP_PORT}", String.valueOf(mail.port()))
                .replace("${KOSMO_SMTP_FROM}", "noreply@kosmo.example")
                .replace("${KOSMO_FRONTEND_URL}", baseUrl);
        RealmRepresentation realm = JsonSerialization.readValue(json, RealmRepresentation.class);
        // the local mail sink speaks plain SMTP only
        realm.getSmtpServer().put("starttls", "false");
        if (!KOSMO_EVENTS_STORED) {
            realm.setEventsEnabled(false);
            System.out.println("diagnosis: the KOSMO realm's event store is OFF (-Dkosmo.bench.kosmo-events-stored=false)");
        }
        admin.realms().create(realm);
        HttpBrowser.ensureClient(admin.realm(KOSMO));
    }

    /** A realm as an admin creates it: Keycloak's flows, its keycloak.v2 login theme, nothing of ours. */
    static void createStockRealm(Keycloak admin) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(STOCK);
        realm.setEnabled(true);
        realm.setLoginTheme("keycloak.v2");
        admin.realms().create(realm);
        HttpBrowser.ensureClient(admin.realm(STOCK));
    }

    /** The logins of one realm in one round. */
    static final class Run {
        final int logins;
        final double seconds;
        final List<Double> latencies;
        /** The server JVM's CPU seconds during the run: less at the mercy of other load on the machine than the wall time. */
        final double cpuSeconds;
        Map<String, Long> rows = Map.of();

        Run(int logins, double seconds, List<Double> latencies, double cpuSeconds) {
            this.logins = logins;
            this.seconds = seconds;
            this.latencies = new ArrayList<>(latencies);
            this.cpuSeconds = cpuSeconds;
        }

        void rows(Map<String, Long> rows) {
            this.rows = rows;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d logins in %.1f s: %.2f logins/s, p50 %.3f s, p95 %.3f s, server CPU %.3f s/login, %.1f rows written/login",
                    logins, seconds, logins / seconds, percentile(latencies, 50), percentile(latencies, 95),
                    cpuSeconds / logins, TableWrites.total(rows) / (double) logins);
        }
    }

    /** The rounds of one realm together. */
    static final class Totals {
        final String label;
        int logins;
        double seconds;
        double cpuSeconds;
        final List<Double> latencies = new ArrayList<>();
        final Map<String, Long> rows = new TreeMap<>();

        Totals(String label) {
            this.label = label;
        }

        void add(Run run) {
            logins += run.logins;
            seconds += run.seconds;
            cpuSeconds += run.cpuSeconds;
            latencies.addAll(run.latencies);
            run.rows.forEach((table, n) -> rows.merge(table, n, Long::sum));
        }

        double rate() {
            return logins / seconds;
        }

        double cpuPerLogin() {
            return cpuSeconds / logins;
        }

        String rowsByTable() {
            return rows.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) logins))
                    .collect(Collectors.joining(", ", String.format(Locale.ROOT, "%.1f = ", TableWrites.total(rows) / (double) logins), ""));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %d logins in %.1f s: %.2f logins/s, p50 %.3f s, p95 %.3f s, server CPU %.3f s/login, %.1f rows written/login",
                    label, logins, seconds, rate(), percentile(latencies, 50), percentile(latencies, 95), cpuPerLogin(),
                    TableWrites.total(rows) / (double) logins);
        }
    }

    /** Runs {@code task(browser, i)} for i in [0, count) on {@link #CLIENTS} threads, one browser per thread, in order of i. */
    static <T> List<T> parallel(int count, IntFunction<HttpBrowser> browsers, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Object> results = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                HttpBrowser browser = browsers.apply(c);
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        results.set(i, task.run(browser, i));
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            @SuppressWarnings("unchecked")
            List<T> typed = (List<T>) new ArrayList<>(results);
            return typed;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Task<T> {
        T run(HttpBrowser browser, int index) throws Exception;
    }

    static String name(String prefix, int i) {
        return String.format(Locale.ROOT, "%s-%05d", prefix, i);
    }

    static String address(String username) {
        return username + "@bench.example";
    }

    static String letterPassword(int i) {
        return "Xk7dPqR4mN" + i;
    }

    static String newPassword(int i) {
        return "Tq9-Wz4-Returning-" + i;
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String json(Map<String, Object> value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
