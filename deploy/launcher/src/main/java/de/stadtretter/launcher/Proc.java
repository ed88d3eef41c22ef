package de.stadtretter.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Child processes in their own process group, recorded in {@code <state>/run/<name>.pid}. */
final class Proc {

    private Proc() {
    }

    /** What a pid file records: the process (group leader) and its start time, so a reused PID is never hit. */
    record Recorded(String name, long pid, long startMillis, boolean group) {

        Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> startMillis == 0
                    || h.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - startMillis) < 2000)
                    .orElse(false));
        }

        boolean alive() {
            return handle().isPresent();
        }
    }

    static Path runDir(Path state) {
        return state.resolve("run");
    }

    static Recorded record(Path state, String name, ProcessHandle handle, boolean group) throws IOException {
        long start = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Recorded r = new Recorded(name, handle.pid(), start, group);
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(r.pid()));
        p.setProperty("start", Long.toString(r.startMillis()));
        p.setProperty("group", Boolean.toString(group));
        Files.createDirectories(runDir(state));
        Path tmp = runDir(state).resolve(name + ".pid.tmp");
        try (var out = Files.newOutputStream(tmp)) {
            p.store(out, name);
        }
        Files.move(tmp, runDir(state).resolve(name + ".pid"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return r;
    }

    static Optional<Recorded> read(Path state, String name) {
        Path file = runDir(state).resolve(name + ".pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (var in = Files.newInputStream(file)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(new Recorded(name, Long.parseLong(p.getProperty("pid")),
                    Long.parseLong(p.getProperty("start", "0")), Boolean.parseBoolean(p.getProperty("group"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static List<Recorded> readAll(Path state) {
        List<Recorded> all = new ArrayList<>();
        try (var files = Files.list(runDir(state))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pid"))
                    .forEach(n -> read(state, n.substring(0, n.length() - 4)).ifPresent(all::add));
        } catch (IOException e) {
            // no run folder: nothing recorded
        }
        return all;
    }

    static void forget(Path state, String name) {
        try {
            Files.deleteIfExists(runDir(state).resolve(name + ".pid"));
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Sends TERM to the process group (or the process), waits up to {@code graceSeconds}, then KILL.
     * Returns true when it is gone.
     */
    static boolean stop(Recorded r, int graceSeconds) {
        Optional<ProcessHandle> h = r.handle();
        if (h.isEmpty()) {
            return true;
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(h.get());
        h.get().descendants().forEach(all::add);
        signal(r, "TERM");
        if (waitGone(all, graceSeconds * 1000L)) {
            return true;
        }
        signal(r, "KILL");
        all.forEach(ProcessHandle::destroyForcibly);
        return waitGone(all, 5000);
    }

    private static void signal(Recorded r, String signal) {
        try {
            String target = r.group() ? "-" + r.pid() : Long.toString(r.pid());
            new ProcessBuilder("kill", "-" + signal, "--", target).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(r.pid()).ifPresent(signal.equals("KILL") ? ProcessHandle::destroyForcibly
                    : ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean waitGone(List<ProcessHandle> handles, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (handles.stream().noneMatch(ProcessHandle::isAlive)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return handles.stream().noneMatch(ProcessHandle::isAlive);
    }

    /** RSS and PSS in KiB of a process and all its descendants (Linux /proc). */
    record Memory(long rssKiB, long pssKiB, int processes) {
        static final Memory NONE = new Memory(0, 0, 0);

        Memory plus(Memory o) {
            return new Memory(rssKiB + o.rssKiB, pssKiB + o.pssKiB, processes + o.processes);
        }
    }

    static Memory memoryOf(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        Memory m = Memory.NONE;
        for (ProcessHandle h : all) {
            m = m.plus(new Memory(kib(h.pid(), "status", "VmRSS:"), kib(h.pid(), "smaps_rollup", "Pss:"), 1));
        }
        return m;
    }

    static Memory memoryOfProcess(ProcessHandle h) {
        return new Memory(kib(h.pid(), "status", "VmRSS:"), kib(h.pid(), "smaps_rollup", "Pss:"), 1);
    }

    private static long kib(long pid, String file, String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (l.startsWith(key)) {
                    return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // gone or not readable
        }
        return 0;
    }
}
