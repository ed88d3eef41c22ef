package de.stadtretter.launcher;

import de.stadtretter.launcher.Main.Options;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code stop}: ends the launcher (its shutdown hook stops everything in order), then whatever is still recorded. */
final class Stopper {

    static final String LAUNCHER = "launcher";

    private Stopper() {
    }

    static Optional<Proc.Recorded> runningLauncher(Path state) {
        return Proc.read(state, LAUNCHER).filter(Proc.Recorded::alive)
                .filter(r -> r.pid() != ProcessHandle.current().pid());
    }

    static boolean stop(Options options, PrintStream out) {
        Path state = options.stateDir();
        boolean ok = true;
        boolean any = false;
        Optional<Proc.Recorded> launcher = runningLauncher(state);
        if (launcher.isPresent()) {
            any = true;
            out.println("Stopping the launcher (PID " + launcher.get().pid() + ") and everything it started …");
            ProcessHandle h = launcher.get().handle().orElseThrow();
            h.destroy(); // SIGTERM: runs its shutdown hook
            if (!Proc.waitGone(List.of(h), 150_000)) {
                out.println("The launcher did not stop within 150 s; killing it.");
                h.destroyForcibly();
            }
        }
        // left over (launcher killed with -9, crashed): stop recorded processes ourselves
        for (Proc.Recorded r : Proc.readAll(state)) {
            if (r.name().equals(LAUNCHER)) {
                Proc.forget(state, LAUNCHER);
                continue;
            }
            if (r.alive()) {
                any = true;
                boolean gone = Proc.stop(r, 20);
                out.println(r.name() + " (PID " + r.pid() + ")" + (gone ? " stopped" : " could NOT be stopped"));
                ok &= gone;
            }
            Proc.forget(state, r.name());
        }
        // the embedded PostgreSQL is a daemon of pg_ctl: its PID is in the data folder
        Optional<ProcessHandle> pg = postgres(state);
        if (pg.isPresent()) {
            any = true;
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(pg.get().pid())).start().waitFor(); // fast shutdown
            } catch (Exception e) {
                pg.get().destroy();
            }
            boolean gone = Proc.waitGone(List.of(pg.get()), 30_000);
            out.println("postgres (PID " + pg.get().pid() + ")" + (gone ? " stopped" : " could NOT be stopped"));
            ok &= gone;
        }
        try {
            Files.deleteIfExists(state.resolve("ready"));
        } catch (Exception ignored) {
            // best effort
        }
        out.println(any ? (ok ? "Stadtretter stopped." : "Some processes could not be stopped.")
                : "Nothing to stop: Stadtretter is not running (state " + state + ").");
        return ok;
    }

    /** The postmaster of the embedded PostgreSQL in this state folder, when it runs. */
    static Optional<ProcessHandle> postgres(Path state) {
        Path pidFile = state.resolve("postgres/data/postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
