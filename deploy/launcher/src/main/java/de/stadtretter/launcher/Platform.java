package de.stadtretter.launcher;

import de.stadtretter.launcher.Components.Service;
import de.stadtretter.launcher.Components.Topic;
import de.stadtretter.launcher.Main.Options;
import de.stadtretter.launcher.Main.UserError;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** {@code run}: starts everything, prints where things are, waits for Ctrl-C or {@code stop}. */
final class Platform {

    /** Machine-readable lines on stdout (the e2e tests wait for them); also written as {@code <state>/ready}. */
    static final String READY_LINE = "STADTRETTER-READY";
    static final String FAILED_LINE = "STADTRETTER-FAILED";
    /** How long a start waits for ports that nothing listens on but the system still holds (a run just stopped). */
    private static final Duration PORT_RELEASE_WAIT = Duration.ofSeconds(60);

    private static volatile boolean keepRunning;

    private final Options options;
    private final Path repo;
    private final Path state;
    private final Path logs;
    private final long t0 = System.nanoTime();
    private final Map<String, Proc.Recorded> started = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;
    private volatile EmbeddedPostgres postgres;
    private volatile MailServer mail;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stadtretter-start");
        t.setDaemon(true);
        return t;
    });
    private final String javaCmd = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Platform(Options options) {
        this.options = options;
        this.repo = options.repoDir();
        this.state = options.stateDir();
        this.logs = state.resolve("logs");
    }

    static boolean keepsRunning() {
        return keepRunning;
    }

    int run() throws Exception {
        preflight();
        if (options.reset()) {
            say("reset: wiping " + state);
            deleteTree(state);
        }
        Files.createDirectories(logs);
        Files.deleteIfExists(state.resolve("ready"));
        Proc.record(state, Stopper.LAUNCHER, ProcessHandle.current(), false);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "stadtretter-stop"));
        keepRunning = true;

        say("Stadtretter local platform — state " + state + ", logs " + logs);
        try {
            startMail();
            CompletableFuture<Void> pg = async("postgres", this::startPostgres);
            CompletableFuture<Void> kafka = async("kafka", this::startKafka);
            CompletableFuture<Void> keycloak = async("keycloak", this::startKeycloak);
            List<CompletableFuture<Void>> all = new ArrayList<>(List.of(pg, kafka, keycloak));
            if (!options.onlyInfrastructure()) {
                CompletableFuture<Void> infra = CompletableFuture.allOf(pg, kafka);
                for (Service s : Components.SERVICES) {
                    all.add(infra.thenRunAsync(() -> unchecked(s.name(), () -> startApp(s)), executor));
                }
                all.add(keycloak.thenRunAsync(() -> unchecked("gateway", () -> startApp(Components.GATEWAY)), executor));
                all.add(CompletableFuture.allOf(pg, keycloak)
                        .thenRunAsync(() -> unchecked("portal", () -> startApp(Components.PORTAL)), executor));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            String msg = cause instanceof UserError || cause instanceof StartFailure ? cause.getMessage()
                    : String.valueOf(cause);
            System.out.println(FAILED_LINE + " " + msg);
            System.err.println("Start failed: " + msg);
            System.out.flush();
            keepRunning = false;
            return 1; // Main halts; the shutdown hook stops what was started
        }
        summary();
        new CountDownLatch(1).await(); // until Ctrl-C / stop (shutdown hook)
        return 0;
    }

    // ---------------------------------------------------------------------------------------------- checks

    private void preflight() {
        Stopper.runningLauncher(state).ifPresent(r -> {
            throw new UserError("Stadtretter already runs (launcher PID " + r.pid() + ", state " + state
                    + "); stop it first with ./stadtretter stop.");
        });
        try {
            new ProcessBuilder("setsid", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (Exception e) {
            throw new UserError("The command 'setsid' (util-linux) is missing; install it to run the platform.");
        }
        if (!Files.isDirectory(kafkaLib())) {
            throw new UserError("Kafka's jars are missing in " + kafkaLib()
                    + "; build them with ./mvnw -q -DskipTests package (or ./stadtretter --rebuild).");
        }
        keycloakZip(); // fails with a sentence when missing
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (options.postgresUrl() == null) {
            ports.put(Components.POSTGRES_PORT, "PostgreSQL");
        }
        ports.put(Components.KAFKA_PORT, "Kafka");
        ports.put(Components.KAFKA_CONTROLLER_PORT, "Kafka controller");
        ports.put(Components.KEYCLOAK_PORT, "Keycloak");
        ports.put(Components.KEYCLOAK_MANAGEMENT_PORT, "Keycloak management");
        ports.put(Components.SMTP_PORT, "GreenMail SMTP");
        ports.put(Components.IMAP_PORT, "GreenMail IMAP");
        ports.put(Components.MAIL_HTTP_PORT, "the mail viewer");
        if (!options.onlyInfrastructure()) {
            Components.allApps().forEach(s -> {
                ports.put(s.port(), s.name());
                ports.putIfAbsent(s.managementPort(), s.name() + " management");
            });
        }
        List<String> taken = new ArrayList<>();
        long releaseDeadline = System.nanoTime() + PORT_RELEASE_WAIT.toNanos();
        boolean announced = false;
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            while (true) {
                if (listening(port.getKey())) {
                    taken.add(port.getKey() + " (" + port.getValue() + ")");
                    break;
                }
                if (bindable(port.getKey())) {
                    break;
                }
                // nothing listens, but the system has not released the port yet (connections of a run just stopped)
                if (System.nanoTime() > releaseDeadline) {
                    taken.add(port.getKey() + " (" + port.getValue() + ", not yet released by the system)");
                    break;
                }
                if (!announced) {
                    say("waiting for the ports of the previous run to be released …");
                    announced = true;
                }
                sleepQuietly(500);
            }
        }
        if (!taken.isEmpty()) {
            throw new UserError("Port" + (taken.size() > 1 ? "s " : " ") + String.join(", ", taken) + " on "
                    + Components.HOST + (taken.size() > 1 ? " are" : " is")
                    + " already in use; stop the program using " + (taken.size() > 1 ? "them" : "it")
                    + " (if it is Stadtretter: ./stadtretter stop).");
        }
        if (!options.onlyInfrastructure()) {
            for (Service s : Components.allApps()) {
                if (!Files.isRegularFile(s.jar(repo))) {
                    if (options.requireServices()) {
                        throw new UserError(s.jar(repo) + " is missing; build it with ./mvnw -q -DskipTests package.");
                    }
                    skipped.add(s.name());
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- mail

    private void startMail() throws IOException {
        long t = System.nanoTime();
        MailServer m = new MailServer();
        m.start();
        mail = m;
        say("greenmail: ready in " + secs(t) + " (SMTP " + Components.SMTP_PORT + ", IMAP " + Components.IMAP_PORT
                + ", web " + Components.MAIL_HTTP_PORT + ")");
    }

    // ---------------------------------------------------------------------------------------------- postgres

    private void startPostgres() throws Exception {
        if (options.postgresUrl() != null) {
            say("postgres: using " + options.postgresUrl() + " (not started by the launcher)");
            try (Connection c = DriverManager.getConnection(pgBase() + "/postgres", options.postgresUser(),
                    options.postgresPassword())) {
                createDatabases(c);
            } catch (Exception e) {
                say("postgres: WARNING could not create the databases there (" + e.getMessage()
                        + "); make sure " + Components.databases() + " exist");
            }
            return;
        }
        long t = System.nanoTime();
        Path dir = state.resolve("postgres");
        boolean fresh = !Files.exists(dir.resolve("data/PG_VERSION"));
        say("postgres: starting on " + Components.POSTGRES_PORT + (fresh ? " (first start: initdb)" : ""));
        Files.createDirectories(dir.resolve("bin"));
        Path log = logs.resolve("postgres.log");
        postgres = EmbeddedPostgres.builder()
                .setPort(Components.POSTGRES_PORT)
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("bin").toFile())
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", Components.HOST)
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(90))
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            createDatabases(c);
        }
        say("postgres: ready in " + secs(t) + " (databases " + String.join(", ", Components.databases()) + ")");
    }

    private static void createDatabases(Connection c) throws Exception {
        for (String db : Components.databases()) {
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                q.setString(1, db);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        continue;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create database \"" + db + "\"");
            }
        }
    }

    /** {@code jdbc:postgresql://host:port} of the external server, without database and parameters. */
    private String pgBase() {
        String url = options.postgresUrl();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        return slash < 0 ? url.replaceAll("[?].*$", "") : url.substring(0, slash);
    }

    private String jdbcUrl(String db) {
        if (options.postgresUrl() == null) {
            return "jdbc:postgresql://" + Components.HOST + ":" + Components.POSTGRES_PORT + "/" + db;
        }
        String url = options.postgresUrl();
        int q = url.indexOf('?');
        return pgBase() + "/" + db + (q < 0 ? "" : url.substring(q));
    }

    // ---------------------------------------------------------------------------------------------- kafka

    private Path kafkaLib() {
        return repo.resolve("deploy/kafka-broker/target/lib");
    }

    private void startKafka() throws Exception {
        long t = System.nanoTime();
        Path dir = state.resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, """
                # written by the Stadtretter launcher on every start
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%4$s
                num.partitions=3
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(Components.HOST, Components.KAFKA_PORT, Components.KAFKA_CONTROLLER_PORT, data));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, """
                status = warn
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = info
                rootLogger.appenderRef.out.ref = out
                logger.kafka.name = kafka
                logger.kafka.level = info
                logger.state.name = state.change.logger
                logger.state.level = warn
                logger.request.name = kafka.request.logger
                logger.request.level = warn
                """);
        List<String> jvm = List.of(javaCmd, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", kafkaLib() + "/*");
        if (!Files.exists(data.resolve("meta.properties"))) {
            say("kafka: formatting storage (first start)");
            Path idFile = dir.resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid().toString());
            }
            List<String> cmd = new ArrayList<>(jvm);
            cmd.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Files.readString(idFile).trim(), "-c",
                    config.toString(), "--standalone"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka.log").toFile())).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new StartFailure("kafka: formatting the storage failed; see " + logs.resolve("kafka.log"));
            }
        }
        say("kafka: starting on " + Components.KAFKA_PORT + " (controller " + Components.KAFKA_CONTROLLER_PORT + ")");
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("kafka.Kafka", config.toString()));
        Process p = spawn("kafka", cmd, Map.of());
        waitFor("kafka", p, Duration.ofSeconds(90), () -> Components.tcpOpen(Components.HOST, Components.KAFKA_PORT));
        createTopics();
        say("kafka: ready in " + secs(t) + " (topics " + Components.TOPICS.stream().map(Topic::name).toList() + ")");
    }

    private void createTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Components.HOST + ":" + Components.KAFKA_PORT);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            long end = System.currentTimeMillis() + 60_000;
            while (true) {
                try {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    break;
                } catch (Exception e) {
                    if (System.currentTimeMillis() > end) {
                        throw new StartFailure("kafka: the broker does not answer; see " + logs.resolve("kafka.log"));
                    }
                    Thread.sleep(300);
                }
            }
            for (Topic topic : Components.TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1))).all()
                            .get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    TopicDescription d = admin.describeTopics(List.of(topic.name())).allTopicNames()
                            .get(30, TimeUnit.SECONDS).get(topic.name());
                    if (d.partitions().size() < topic.partitions()) {
                        admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(topic.partitions())))
                                .all().get(30, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- keycloak

    private Path keycloakZip() {
        Path dist = repo.resolve("deploy/launcher/target/dist");
        try (Stream<Path> files = Files.list(dist)) {
            return files.filter(f -> f.getFileName().toString().matches("keycloak-quarkus-dist-.*\\.zip")).findFirst()
                    .orElseThrow(IOException::new);
        } catch (IOException e) {
            throw new UserError("The Keycloak distribution is missing in " + dist
                    + "; build it with ./mvnw -q -DskipTests package (or ./stadtretter --rebuild).");
        }
    }

    private void startKeycloak() throws Exception {
        long t = System.nanoTime();
        Path zip = keycloakZip();
        String version = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "").replace(".zip", "");
        Path base = state.resolve("keycloak");
        Path home = base.resolve("keycloak-" + version);
        boolean cold = !Files.exists(home.resolve("bin/kc.sh"));
        if (cold) {
            say("keycloak: unpacking " + zip.getFileName() + " (first start)");
            unzip(zip, base);
        }
        Path realm = repo.resolve("deploy/keycloak/stadtretter-realm.json");
        if (!Files.isRegularFile(realm)) {
            throw new UserError("The realm file " + realm + " is missing.");
        }
        // an existing realm is never re-imported: when the realm file changed, start from a fresh Keycloak database
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(realm)));
        Path hashFile = base.resolve("realm.sha256");
        if (Files.exists(hashFile) && !Files.readString(hashFile).trim().equals(hash)) {
            say("keycloak: realm file changed — recreating Keycloak's database to import it again");
            deleteTree(home.resolve("data/h2"));
        }
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(realm, home.resolve("data/import/stadtretter-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(hashFile, hash);
        say("keycloak: starting on " + Components.KEYCLOAK_PORT + (cold
                ? " (first start augments Quarkus: 1–2 min)" : ""));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx256m");
        Process p = spawn("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + Components.HOST, "--http-port=" + Components.KEYCLOAK_PORT,
                "--hostname=" + Components.KEYCLOAK_URL, "--http-management-port=" + Components.KEYCLOAK_MANAGEMENT_PORT,
                "--import-realm"), env);
        waitFor("keycloak", p, Duration.ofSeconds(360), () -> Components.httpOk(Components.WELL_KNOWN, "issuer"));
        say("keycloak: ready in " + secs(t) + " (realm " + Components.REALM + ")");
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".unpacking");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), java.nio.charset.StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = tmp.resolve(e.getName()).normalize();
                if (!out.startsWith(tmp)) {
                    throw new IOException("bad zip entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.createDirectories(target);
        try (Stream<Path> top = Files.list(tmp)) {
            for (Path p : top.toList()) {
                Path dest = target.resolve(p.getFileName());
                deleteTree(dest);
                Files.move(p, dest);
            }
        }
        deleteTree(tmp);
    }

    // ---------------------------------------------------------------------------------------------- services

    private void startApp(Service s) throws Exception {
        if (skipped.contains(s.name())) {
            say(s.name() + ": SKIPPED — " + repo.relativize(s.jar(repo)) + " does not exist yet");
            return;
        }
        long t = System.nanoTime();
        say(s.name() + ": starting on " + s.port());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local"); // plain HTTP on localhost: e.g. no HSTS at the gateway
        env.put("SERVER_ADDRESS", Components.HOST);
        env.put("SERVER_PORT", Integer.toString(s.port()));
        if (s.managementPort() != s.port()) {
            env.put("MANAGEMENT_SERVER_ADDRESS", Components.HOST);
            env.put("MANAGEMENT_SERVER_PORT", Integer.toString(s.managementPort()));
        }
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", Components.HOST + ":" + Components.KAFKA_PORT);
        if (s.database() != null) {
            env.put("SPRING_DATASOURCE_URL", jdbcUrl(s.database()));
            env.put("SPRING_DATASOURCE_USERNAME", options.postgresUrl() == null ? "postgres" : options.postgresUser());
            env.put("SPRING_DATASOURCE_PASSWORD",
                    options.postgresUrl() == null ? "postgres" : options.postgresPassword());
            // idle connections cost a PostgreSQL backend (~10 MB RSS) each; 2 idle per service are plenty locally
            env.put("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "2");
        }
        env.put("SPRING_MAIL_HOST", Components.HOST);
        env.put("SPRING_MAIL_PORT", Integer.toString(Components.SMTP_PORT));
        if (s.name().equals("notification-service")) {
            env.put("STADTRETTER_NOTIFICATION_TOKEN_SECRET", "local-only-unsubscribe-token-secret");
        }
        if (s.name().equals("partner-service")) {
            // twelve demo partners with references to the demo cases, unless started with --no-demo-data
            env.put("STADTRETTER_PARTNER_DEMO_DATA", Boolean.toString(options.demoData()));
        }
        if (s.name().equals("catalog-service")) {
            // about 30 published demo practice examples, unless started with --no-demo-data
            env.put("STADTRETTER_CATALOG_DEMO_DATA", Boolean.toString(options.demoData()));
            // glibc's per-thread malloc arenas hold native memory the JVM has long given back
            env.put("MALLOC_ARENA_MAX", "2");
        }
        // run a copy: a `./mvnw package` while the platform runs must not replace the jar under a running JVM
        Path jar = state.resolve("apps").resolve(s.name() + ".jar");
        Files.createDirectories(jar.getParent());
        if (!Files.exists(jar) || Files.size(jar) != Files.size(s.jar(repo))
                || !Files.getLastModifiedTime(jar).equals(Files.getLastModifiedTime(s.jar(repo)))) {
            Files.copy(s.jar(repo), jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        // C1 only (TieredStopAtLevel=1) saves memory and start time; catalog-service's search, partner-service's
        // directory and matching-service's recommendations are CPU-bound work (Lucene analysis and scoring), the
        // gateway is on the path of every request and
        // the portal renders every page: they get the optimising compiler
        // the portal holds no data (its sessions are in PostgreSQL): a smaller heap, which starts small
        List<String> cmd = new ArrayList<>(List.of(javaCmd, s.name().equals("portal") ? "-Xmx128m" : "-Xmx256m",
                "-Xss512k", "-XX:+UseSerialGC"));
        if (s.name().equals("gateway")) {
            cmd.add("-XX:ReservedCodeCacheSize=64m");
        } else if (s.name().equals("portal")) {
            // rendering pages is CPU work on every request: the optimising compiler, in a small code cache
            cmd.add("-XX:ReservedCodeCacheSize=48m");
            cmd.add("-Xms32m");
            env.put("MALLOC_ARENA_MAX", "2");
            // the portal links to the services' internal addresses on this machine
            env.put("STADTRETTER_PORTAL_CATALOG", "http://" + Components.HOST + ":8081");
            env.put("STADTRETTER_PORTAL_NOTIFICATION", "http://" + Components.HOST + ":8084");
            env.put("STADTRETTER_PORTAL_PARTNER", "http://" + Components.HOST + ":8082");
            env.put("STADTRETTER_PORTAL_MATCHING", "http://" + Components.HOST + ":8083");
        } else if (s.name().equals("partner-service") || s.name().equals("matching-service")) {
            // the partner directory and the recommendations are Lucene work as well, on far smaller indexes
            cmd.add("-XX:ReservedCodeCacheSize=48m");
        } else if (!s.name().equals("catalog-service")) {
            cmd.add("-XX:TieredStopAtLevel=1");
        } else {
            // the optimised code of the search fits in far less than the default 240 MB reservation
            cmd.add("-XX:ReservedCodeCacheSize=64m");
            // after the index rebuild (which ends with a full collection) the heap shrinks to what searching needs;
            // never below the initial size, which would otherwise be the maximum here (1/64 of the machine's memory)
            cmd.add("-Xms64m");
            cmd.add("-XX:MaxHeapFreeRatio=40");
            cmd.add("-XX:MinHeapFreeRatio=15");
            cmd.add("-XX:-ShrinkHeapInSteps"); // at once, not a fraction per collection
        }
        cmd.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        Process p = spawn(s.name(), cmd, env);
        waitFor(s.name(), p, Duration.ofSeconds(240), () -> Components.httpOk(s.readinessUrl(), "UP"));
        say(s.name() + ": ready in " + secs(t));
    }

    // ---------------------------------------------------------------------------------------------- processes

    private Process spawn(String name, List<String> command, Map<String, String> env) throws IOException {
        synchronized (started) {
            if (stopping) {
                throw new StartFailure(name + ": not started, the platform is stopping");
            }
            Path log = logs.resolve(name + ".log");
            Files.writeString(log, "==== " + Instant.now() + " started by the Stadtretter launcher: "
                    + String.join(" ", command) + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            List<String> cmd = new ArrayList<>();
            cmd.add("setsid"); // own process group: stopped as a whole, never hit by the terminal's Ctrl-C
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(state.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            started.put(name, Proc.record(state, name, p.toHandle(), true));
            processes.put(name, p);
            p.onExit().thenAccept(x -> {
                if (!stopping && keepRunning) {
                    say(name + ": EXITED with code " + x.exitValue() + " — see " + log);
                }
            });
            return p;
        }
    }

    private void waitFor(String name, Process p, Duration timeout, BooleanSupplier ready) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (stopping) {
                throw new StartFailure(name + ": start interrupted");
            }
            if (!p.isAlive()) {
                throw new StartFailure(name + " exited with code " + p.exitValue() + " while starting; see "
                        + logs.resolve(name + ".log") + tail(name));
            }
            if (System.nanoTime() > end) {
                throw new StartFailure(name + " did not become ready within " + timeout.toSeconds() + " s; see "
                        + logs.resolve(name + ".log") + tail(name));
            }
            Thread.sleep(250);
        }
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(name + ".log"));
            return System.lineSeparator() + "  last lines:" + System.lineSeparator() + "  | " + String.join(
                    System.lineSeparator() + "  | ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (Exception e) {
            return "";
        }
    }

    /** Shutdown hook: apps first, then Keycloak, Kafka, PostgreSQL, mail. Only what this run started. */
    private void shutdown() {
        synchronized (started) {
            stopping = true;
        }
        keepRunning = false;
        List<String> names;
        synchronized (started) {
            names = new ArrayList<>(started.keySet());
        }
        if (!names.isEmpty() || postgres != null || mail != null) {
            say("stopping …");
        }
        List<String> apps = Components.allApps().stream().map(Service::name).filter(names::contains).toList();
        List<Thread> stoppers = apps.stream().map(n -> Thread.ofPlatform().start(() -> stopOne(n))).toList();
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String n : List.of("keycloak", "kafka")) {
            if (names.contains(n)) {
                stopOne(n);
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
                say("postgres: stopped");
            } catch (Exception e) {
                say("postgres: stop failed: " + e.getMessage());
            }
        }
        if (mail != null) {
            mail.stop();
        }
        try {
            Files.deleteIfExists(state.resolve("ready"));
        } catch (IOException ignored) {
            // best effort
        }
        Proc.forget(state, Stopper.LAUNCHER);
        say("stopped.");
    }

    private void stopOne(String name) {
        Proc.Recorded r = started.get(name);
        boolean gone = Proc.stop(r, name.equals("keycloak") || name.equals("kafka") ? 30 : 20);
        Proc.forget(state, name);
        say(name + (gone ? ": stopped" : ": could NOT be stopped (PID " + r.pid() + ")"));
    }

    // ---------------------------------------------------------------------------------------------- output

    private void summary() throws IOException {
        String took = secs(t0);
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        b.append(nl).append("Stadtretter is ready (").append(took).append(").").append(nl);
        if (!options.onlyInfrastructure() && !skipped.contains("gateway")) {
            b.append("  Portal:      http://localhost:").append(Components.GATEWAY_PORT).append(nl);
        }
        if (!skipped.isEmpty()) {
            b.append("  NOT started (jar missing, build with ./mvnw -q -DskipTests package): ")
                    .append(String.join(", ", skipped)).append(nl);
        }
        b.append("  (pages, login and logout through the gateway; the portal itself listens on ")
                .append(Components.HOST).append(':').append(Components.PORTAL.port()).append(')').append(nl);
        b.append("  Demo logins (password 'demo' each): kommune (role kommune, AGS 01001000 Flensburg), ")
                .append("kommune2 (role kommune, AGS 14713000 Leipzig), ")
                .append("partner (role partner), redaktion (role redaktion), admin (role admin)").append(nl);
        b.append("  Keycloak:    ").append(Components.KEYCLOAK_URL).append("/realms/").append(Components.REALM)
                .append("/account  (admin console ").append(Components.KEYCLOAK_URL)
                .append("/admin/master/console/ needs a bootstrap admin — see deploy/README.md)").append(nl);
        b.append("  Mail:        http://localhost:").append(Components.MAIL_HTTP_PORT)
                .append("  (JSON /api/messages; IMAP localhost:").append(Components.IMAP_PORT)
                .append(" with the recipient address as login, any password)").append(nl);
        b.append("  Kafka:       ").append(Components.HOST).append(':').append(Components.KAFKA_PORT)
                .append("   PostgreSQL: ").append(options.postgresUrl() == null
                        ? "jdbc:postgresql://" + Components.HOST + ":" + Components.POSTGRES_PORT + " (postgres/postgres)"
                        : options.postgresUrl()).append(nl);
        b.append("  Logs:        ").append(logs).append(nl);
        b.append("  Stop:        Ctrl-C here, or ./stadtretter stop   (status: ./stadtretter status)").append(nl);
        System.out.print(b);
        Properties ready = new Properties();
        ready.setProperty("launcherPid", Long.toString(ProcessHandle.current().pid()));
        ready.setProperty("seconds", took.replace("s", "").trim());
        ready.setProperty("skipped", String.join(",", skipped));
        ready.setProperty("gateway", "http://localhost:" + Components.GATEWAY_PORT);
        ready.setProperty("keycloak", Components.KEYCLOAK_URL);
        ready.setProperty("mail", "http://localhost:" + Components.MAIL_HTTP_PORT);
        Path tmp = state.resolve("ready.tmp");
        try (var out = Files.newOutputStream(tmp)) {
            ready.store(out, "Stadtretter is ready");
        }
        Files.move(tmp, state.resolve("ready"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(READY_LINE + " seconds=" + ready.getProperty("seconds") + " state=" + state
                + " skipped=" + String.join(",", skipped));
        System.out.flush();
    }

    /** Something accepts connections on the port: another program (or another Stadtretter) uses it. */
    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Components.HOST, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // as the services' own listeners do
            s.bind(new InetSocketAddress(Components.HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void say(String text) {
        synchronized (System.out) {
            System.out.printf("[%6s] %s%n", secs(t0), text);
            System.out.flush();
        }
    }

    private static String secs(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1fs", (System.nanoTime() - startNanos) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    interface Step {
        void run() throws Exception;
    }

    private CompletableFuture<Void> async(String name, Step step) {
        return CompletableFuture.runAsync(() -> unchecked(name, step), executor);
    }

    private static void unchecked(String name, Step step) {
        try {
            step.run();
        } catch (StartFailure | UserError e) {
            throw e;
        } catch (Exception e) {
            throw new StartFailure(name + ": " + e);
        }
    }

    static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
