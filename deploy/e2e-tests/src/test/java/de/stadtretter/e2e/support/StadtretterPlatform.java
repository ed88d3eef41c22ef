package de.stadtretter.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts the whole local platform exactly as {@code ./stadtretter} does — the launcher jar as a subprocess — once per
 * test run (shared by all test classes that use this extension), with its own state folder under {@code target/}, and
 * stops it when the run ends, also when tests fail.
 *
 * <p>The launcher prints {@code STADTRETTER-READY ...} when everything answers, or {@code STADTRETTER-FAILED <reason>}
 * and exits. Its whole output goes to {@code <state>/launcher-e2e.out} and to this JVM's stdout.
 *
 * <pre>
 * &#64;ExtendWith(StadtretterPlatform.class)
 * class MyFlowIT { ... Endpoints.keycloak().token("kommune", "demo") ... }
 * </pre>
 *
 * System properties (set by the module's failsafe configuration): {@code stadtretter.launcherJar},
 * {@code stadtretter.repoDir}, {@code stadtretter.stateDir}; {@code stadtretter.e2e.reset=true} wipes the state first.
 */
public final class StadtretterPlatform implements BeforeAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(15);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** The started platform; closed by JUnit at the end of the run (and by a shutdown hook as a fallback). */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final Path launcherJar;
        private final Path stateDir;
        private volatile boolean closed;

        private Running(Process process, Path launcherJar, Path stateDir) {
            this.process = process;
            this.launcherJar = launcherJar;
            this.stateDir = stateDir;
        }

        static Running start() {
            Path jar = Path.of(required("stadtretter.launcherJar"));
            Path state = Path.of(required("stadtretter.stateDir"));
            Path repo = Path.of(required("stadtretter.repoDir"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Launcher jar " + jar + " is missing; run ./mvnw package first.");
            }
            List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "run", "--state-dir",
                    state.toString(), "--repo-dir", repo.toString(), "--require-services"));
            if (Boolean.getBoolean("stadtretter.e2e.reset")) {
                cmd.add("--reset");
            }
            Process p;
            try {
                Files.createDirectories(state);
                // every component exports its spans to the tests' OTLP receiver (TraceIT)
                TraceCollector.start();
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
                pb.environment().put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", TraceCollector.ENDPOINT);
                pb.environment().put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY", "1s");
                p = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the launcher: " + e, e);
            }
            Running running = new Running(p, jar, state);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "stadtretter-e2e-stop"));
            CompletableFuture<String> outcome = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(p, state.resolve("launcher-e2e.out"), outcome), "launcher-output");
            pump.setDaemon(true);
            pump.start();
            String result;
            try {
                result = outcome.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                running.close();
                throw new IllegalStateException("The platform did not become ready within " + START_TIMEOUT
                        + "; see " + state.resolve("launcher-e2e.out") + " and " + state.resolve("logs"), e);
            }
            if (!result.startsWith("STADTRETTER-READY")) {
                running.close();
                throw new IllegalStateException("The platform failed to start: " + result + " (see "
                        + state.resolve("launcher-e2e.out") + ")");
            }
            return running;
        }

        private static void pump(Process p, Path file, CompletableFuture<String> outcome) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.println(line);
                    out.flush();
                    System.out.println("[platform] " + line);
                    if (line.startsWith("STADTRETTER-READY") || line.startsWith("STADTRETTER-FAILED")) {
                        outcome.complete(line);
                    }
                }
            } catch (IOException e) {
                outcome.completeExceptionally(e);
            }
            try {
                outcome.complete("STADTRETTER-FAILED launcher exited with code " + p.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome.complete("STADTRETTER-FAILED launcher output ended");
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (process.isAlive()) {
                // SIGTERM through the handle: Process#destroy would also close the output pipe and lose the stop log
                process.toHandle().destroy(); // the launcher's shutdown hook stops everything it started
                try {
                    if (!process.waitFor(150, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // safety net: whatever is still recorded in the state folder
            try {
                new ProcessBuilder(java(), "-jar", launcherJar.toString(), "stop", "--state-dir", stateDir.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor(180, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (see the failsafe "
                    + "configuration in deploy/e2e-tests/pom.xml).");
        }
        return value;
    }
}
