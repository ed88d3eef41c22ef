package de.stadtretter.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The overlays as Kubernetes receives them: rendered by {@code kubectl kustomize} (Debian's package
 * kubernetes-client, or any kubectl; {@code KUBECTL} names another binary), parsed into one node per document.
 */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** deploy/k8s, the module's directory (the tests' working directory). */
    static Path k8sDir() {
        Path dir = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("overlays"))) {
            dir = dir.resolve("deploy/k8s");
        }
        return dir;
    }

    static Path repoDir() {
        return k8sDir().getParent().getParent();
    }

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> parse(kustomize(k8sDir().resolve("overlays").resolve(o))));
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(d -> kind.equals(d.path("kind").asString())).toList();
    }

    static JsonNode named(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(d -> name.equals(name(d))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asString();
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static String kustomize(Path dir) {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(kubectl + " kustomize " + dir + " failed: " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run '" + kubectl + "' (install Debian's kubernetes-client, or set KUBECTL)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Java sources and resources of the deployable modules, for the rules that compare code and manifests. */
    static Stream<Path> sources(String module) {
        Path main = repoDir().resolve(module).resolve("src/main");
        try {
            return Files.walk(main).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
