package de.stadtretter.portal.kern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The KERN UX files the portal ships are exactly those refresh-kern.sh wrote (a change must be deliberate). */
class KernAssetsTest {

    static final Path KERN = Path.of("src/main/resources/static/kern");

    @Test
    void shippedFilesMatchTheirChecksums() throws Exception {
        List<String> lines = Files.readAllLines(KERN.resolve("SHA256SUMS"));
        assertThat(lines).hasSizeGreaterThan(5);
        for (String line : lines) {
            String[] parts = line.split("\\s+", 2);
            byte[] content = Files.readAllBytes(KERN.resolve(parts[1].replaceFirst("^\\./", "")));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertThat(actual).as(parts[1]).isEqualTo(parts[0]);
        }
        assertThat(lines).anyMatch(l -> l.endsWith("./kern.min.css")).anyMatch(l -> l.endsWith("FiraSans-Regular.woff2"));
    }

    @Test
    void everyFontTheStylesheetNamesIsShipped() throws Exception {
        String css = Files.readString(KERN.resolve("fonts/fira-sans.css"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("url\\(\"\\./([^\"]+)\"\\)").matcher(css);
        int fonts = 0;
        while (m.find()) {
            assertThat(KERN.resolve("fonts").resolve(m.group(1))).exists();
            fonts++;
        }
        assertThat(fonts).isEqualTo(10);
    }
}
