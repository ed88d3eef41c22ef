package de.stadtretter.launcher;

import de.stadtretter.launcher.Components.Service;
import de.stadtretter.launcher.Main.Options;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** {@code status}: each component, its PID, whether it answers, its RSS (with all child processes) and the total. */
final class Status {

    private Status() {
    }

    private record Row(String name, Optional<ProcessHandle> process, BooleanSupplier answers, String note) {
    }

    static int print(Options options, PrintStream out) {
        Path state = options.stateDir();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("launcher+greenmail", Stopper.runningLauncher(state).flatMap(Proc.Recorded::handle),
                () -> Components.httpOk("http://" + Components.HOST + ":" + Components.MAIL_HTTP_PORT + "/api/health",
                        "UP"), "mail http://localhost:" + Components.MAIL_HTTP_PORT));
        rows.add(new Row("postgres", Stopper.postgres(state),
                () -> Components.tcpOpen(Components.HOST, Components.POSTGRES_PORT), "port " + Components.POSTGRES_PORT));
        rows.add(new Row("kafka", recorded(state, "kafka"),
                () -> Components.tcpOpen(Components.HOST, Components.KAFKA_PORT), "port " + Components.KAFKA_PORT));
        rows.add(new Row("keycloak", recorded(state, "keycloak"),
                () -> Components.httpOk(Components.WELL_KNOWN, "issuer"), Components.KEYCLOAK_URL));
        for (Service s : Components.allApps()) {
            rows.add(new Row(s.name(), recorded(state, s.name()), () -> Components.httpOk(s.readinessUrl(), "UP"),
                    "port " + s.port()));
        }
        out.printf("Stadtretter status (state %s)%n", state);
        out.printf("%-22s %8s %-8s %10s %10s %5s  %s%n", "component", "PID", "answers", "RSS MiB", "PSS MiB",
                "procs", "where");
        Proc.Memory total = Proc.Memory.NONE;
        int running = 0;
        for (Row r : rows) {
            // the launcher's children are rows of their own: count the launcher JVM alone
            Proc.Memory m = r.process().map(h -> r == rows.get(0) ? Proc.memoryOfProcess(h) : Proc.memoryOf(h))
                    .orElse(Proc.Memory.NONE);
            total = total.plus(m);
            boolean answers = r.answers().getAsBoolean();
            running += r.process().isPresent() ? 1 : 0;
            out.printf("%-22s %8s %-8s %10s %10s %5s  %s%n", r.name(),
                    r.process().map(p -> Long.toString(p.pid())).orElse("-"), answers ? "yes" : "no",
                    r.process().isPresent() ? mib(m.rssKiB()) : "-", r.process().isPresent() ? mib(m.pssKiB()) : "-",
                    r.process().isPresent() ? Integer.toString(m.processes()) : "-", r.note());
        }
        out.printf("%-22s %8s %-8s %10s %10s %5d%n", "TOTAL", "", "", mib(total.rssKiB()), mib(total.pssKiB()),
                total.processes());
        out.println("(RSS and PSS include child processes, e.g. Keycloak's java under kc.sh and PostgreSQL's backends;"
                + " PSS counts shared memory once.)");
        if (Files.exists(state.resolve("ready"))) {
            out.println("Platform reported ready.");
        } else if (running > 0) {
            out.println("Platform not (yet) ready.");
        } else {
            out.println("Stadtretter is not running.");
        }
        return 0;
    }

    private static Optional<ProcessHandle> recorded(Path state, String name) {
        return Proc.read(state, name).flatMap(Proc.Recorded::handle);
    }

    private static String mib(long kib) {
        return String.format(java.util.Locale.ROOT, "%.0f", kib / 1024.0);
    }
}
