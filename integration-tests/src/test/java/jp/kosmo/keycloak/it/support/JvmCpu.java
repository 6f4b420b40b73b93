package jp.kosmo.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU time of another JVM on this machine (the Keycloak server a benchmark started), from
 * {@code /proc/<pid>/stat}: user + system time of all its threads, in seconds.
 */
public final class JvmCpu {

    /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private final long pid;

    private JvmCpu(long pid) {
        this.pid = pid;
    }

    /**
     * The one live java process whose command line names {@code home} (kc.sh passes {@code -Dkc.home.dir=<home>}):
     * the server JVM, a child of kc.sh.
     */
    public static JvmCpu ofKeycloakHome(Path home) {
        String dir = home.toAbsolutePath().normalize().toString();
        List<ProcessHandle> jvms = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                .filter(p -> cmdline(p.pid()).contains("-Dkc.home.dir=" + dir))
                .toList();
        if (jvms.size() != 1) {
            throw new IllegalStateException("expected one Keycloak JVM of " + dir + ", found " + jvms.size());
        }
        return new JvmCpu(jvms.get(0).pid());
    }

    public long pid() {
        return pid;
    }

    /** utime + stime of the process (all threads, not its children), in seconds. */
    public double seconds() {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        // the command in parentheses may hold spaces: the fields are counted after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields after ")": state(3) ppid(4) ... utime(14) stime(15), so index 14 - 3 and 15 - 3
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / TICKS;
    }

    private static String cmdline(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            if (file.getFileName().toString().equals("cmdline")) {
                return "";
            }
            throw new UncheckedIOException(e);
        }
    }
}
