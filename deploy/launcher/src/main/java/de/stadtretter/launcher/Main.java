package de.stadtretter.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the local platform: {@code run} (default), {@code stop}, {@code status}, {@code digest},
 * {@code dlt}.
 * Every user error ends with one sentence on stderr and an exit code other than 0, never a stack trace.
 */
public final class Main {

    static final String USAGE = """
            Usage: stadtretter [run] [options]   start the local platform (Ctrl-C stops it)
                   stadtretter stop [options]    stop everything a run started (recorded in the state folder)
                   stadtretter status [options]  show each component, its PID, whether it answers, its memory (RSS)
                   stadtretter digest daily|weekly|immediate
                                                 run that digest of the running platform now (as its admin)
                   stadtretter dlt list|show|replay TOPIC …
                                                 the dead letters of a topic, and their replay (dlt --help)
            Options:
              --state-dir DIR            state folder (default: <repo>/.stadtretter), kept between runs
              --reset                    wipe the state folder before starting (databases, Kafka data, Keycloak)
              --postgres-url URL         use an existing PostgreSQL, e.g. jdbc:postgresql://db.example:5432
              --postgres-user USER       its user (default postgres)
              --postgres-password PW     its password (default postgres)
              --require-services         fail when a service jar is missing (default: skip it with a warning)
              --only-infrastructure      start PostgreSQL, Kafka, Keycloak and GreenMail only
              --no-demo-data             start with an empty catalogue (default: about 30 published demo cases)
              --repo-dir DIR             the Stadtretter checkout (default: found from the launcher jar)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (UserError e) {
            System.err.println(e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("Stadtretter launcher failed: " + e);
            if (Boolean.getBoolean("stadtretter.debug")) {
                e.printStackTrace();
            }
            code = 1;
        }
        System.out.flush();
        // keep-alive threads (GreenMail, HTTP) must not hold the JVM after a failed start
        if (code != 0 || !Platform.keepsRunning()) {
            Runtime.getRuntime().halt(code);
        }
    }

    static int run(String[] args) throws Exception {
        if (Runtime.version().feature() < 21) {
            throw new UserError("Stadtretter needs a JDK 21 or newer, but runs on Java " + Runtime.version() + ".");
        }
        String command = "run";
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            command = rest.remove(0);
        }
        if (command.equals("dlt")) {
            return DeadLetterTool.run(rest, System.out);
        }
        String argument = command.equals("digest") && !rest.isEmpty() && !rest.get(0).startsWith("-")
                ? rest.remove(0) : null;
        Options options = Options.parse(rest);
        if (options.help()) {
            System.out.print(USAGE);
            return 0;
        }
        return switch (command) {
            case "run", "start" -> new Platform(options).run();
            case "stop" -> Stopper.stop(options, System.out) ? 0 : 1;
            case "status" -> Status.print(options, System.out);
            case "digest" -> DigestTrigger.run(argument, System.out);
            case "help" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> throw new UserError("Unknown command '" + command
                    + "'; use run, stop, status, digest or dlt (see --help).");
        };
    }

    /** A problem the user can fix; its message is one clear sentence. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }

    /** Command-line options. */
    record Options(Path repoDir, Path stateDir, boolean reset, String postgresUrl, String postgresUser,
                   String postgresPassword, boolean requireServices, boolean onlyInfrastructure, boolean help,
                   boolean demoData) {

        static Options parse(List<String> args) {
            Path repo = null;
            Path state = null;
            boolean reset = false;
            boolean require = false;
            boolean infra = false;
            boolean help = false;
            boolean demo = true;
            String pgUrl = null;
            String pgUser = "postgres";
            String pgPassword = "postgres";
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--reset" -> reset = true;
                    case "--require-services" -> require = true;
                    case "--only-infrastructure" -> infra = true;
                    case "--no-demo-data" -> demo = false;
                    case "-h", "--help" -> help = true;
                    case "--state-dir", "--repo-dir", "--postgres-url", "--postgres-user", "--postgres-password" -> {
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new UserError("Option " + arg + " needs a value (see --help).");
                            }
                            value = args.get(++i);
                        }
                        switch (arg) {
                            case "--state-dir" -> state = Path.of(value);
                            case "--repo-dir" -> repo = Path.of(value);
                            case "--postgres-url" -> pgUrl = value;
                            case "--postgres-user" -> pgUser = value;
                            default -> pgPassword = value;
                        }
                    }
                    default -> throw new UserError("Unknown option '" + arg + "' (see --help).");
                }
            }
            if (repo == null) {
                repo = findRepo();
            }
            repo = repo.toAbsolutePath().normalize();
            if (state == null) {
                state = repo.resolve(".stadtretter");
            }
            if (pgUrl != null && !pgUrl.startsWith("jdbc:postgresql://")) {
                throw new UserError("--postgres-url must look like jdbc:postgresql://host:port, not '" + pgUrl + "'.");
            }
            return new Options(repo, state.toAbsolutePath().normalize(), reset, pgUrl, pgUser, pgPassword, require,
                    infra, help, demo);
        }

        /** The launcher jar lives in {@code <repo>/deploy/launcher/target/}; otherwise the working directory. */
        private static Path findRepo() {
            String prop = System.getProperty("stadtretter.repo");
            if (prop != null) {
                return Path.of(prop);
            }
            try {
                // with `java -jar .../launcher.jar` the class path is exactly that jar
                Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                        .toAbsolutePath();
                for (Path p = jar; p != null; p = p.getParent()) {
                    if (Files.isDirectory(p.resolve("deploy/launcher")) && Files.exists(p.resolve("pom.xml"))) {
                        return p;
                    }
                }
            } catch (Exception ignored) {
                // fall through
            }
            return Path.of("").toAbsolutePath();
        }
    }

    static void line(PrintStream out, String text) {
        out.println(text);
        out.flush();
    }
}
