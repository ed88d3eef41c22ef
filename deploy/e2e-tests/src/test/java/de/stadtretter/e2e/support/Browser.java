package de.stadtretter.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver (explicit paths: Selenium Manager never downloads a browser
 * or driver). Every page a journey visits is checked with axe-core (0 serious or critical violations) and saved as a
 * screenshot at desktop (1280 px) and mobile (390 px) width under target/screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE = resource("/axe/axe.min.js");
    private static final int DESKTOP = 1280;
    private static final int MOBILE = 390;

    private final ChromeDriver driver;
    private final String journey;
    private int step;

    public Browser(String journey) {
        System.setProperty("SE_OFFLINE", "true");
        this.journey = journey;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("stadtretter.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("stadtretter.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=de-DE",
                "--window-size=" + DESKTOP + ",900", "--disable-gpu", "--no-first-run");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String title() {
        return driver.getTitle();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The page's text; while a new page loads, the text of the new one. */
    public String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public void waitFor(java.util.function.Predicate<Browser> condition, String what) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.test(this));
    }

    /** axe-core on the current page (WCAG 2.0/2.1 A and AA rules), a screenshot at both widths; returns the title. */
    public String check(String name) {
        List<String> findings = axe();
        assertThat(findings).as("axe-core: serious or critical violations on %s (%s)", name, url()).isEmpty();
        screenshot(name);
        return title();
    }

    @SuppressWarnings("unchecked")
    private List<String> axe() {
        JavascriptExecutor js = driver;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: ''}]));
                """);
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return serious;
    }

    private void screenshot(String name) {
        step++;
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : new int[] {DESKTOP, MOBILE}) {
                driver.manage().window().setSize(new Dimension(width, 900));
                if (width == MOBILE) {
                    // WCAG 1.4.10 reflow: at phone width nothing makes the page scroll sideways
                    Object wider = driver.executeScript("""
                            const d = document.documentElement;
                            if (d.scrollWidth <= d.clientWidth + 1) { return null; }
                            const out = [...document.querySelectorAll('body *')].filter(e =>
                                e.getBoundingClientRect().right > d.clientWidth + 1 && !e.closest('.kern-table-responsive'))
                                .slice(0, 3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);
                            return d.scrollWidth + ' > ' + d.clientWidth + ': ' + out.join(' | ');""");
                    assertThat(wider).as("page %s scrolls sideways at %d px", name, MOBILE).isNull();
                }
                Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(String.format("%s-%02d-%s-%s.png", journey, step, name,
                        width == DESKTOP ? "desktop" : "mobile")), StandardCopyOption.REPLACE_EXISTING);
            }
            driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ keyboard

    /** The element that has the focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    public void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /**
     * Presses Tab until the focused element matches (at most {@code max} times); on the way, every focused element
     * must show its focus (an outline or a shadow).
     */
    public WebElement tabTo(java.util.function.Predicate<WebElement> target, String what, int max) {
        for (int i = 0; i < max; i++) {
            press(Keys.TAB);
            WebElement el = focused();
            assertFocusVisible(el);
            if (target.test(el)) {
                return el;
            }
        }
        throw new AssertionError("Tab did not reach " + what + " within " + max + " steps on " + url());
    }

    /** Tabs to the field with this id and types {@code text} into it, replacing what it held. */
    public void fill(String id, String text, int max) {
        tabTo(el -> id.equals(el.getAttribute("id")), "the field " + id, max);
        selectAll();
        press(Keys.DELETE);
        type(text);
    }

    /** Ctrl+A in the focused field. */
    public void selectAll() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
    }

    /** Tabs to the link or button whose text contains {@code label} and presses Enter. */
    public void activate(String label, int max) {
        tabTo(el -> el.getText().contains(label), "\"" + label + "\"", max);
        press(Keys.ENTER);
    }

    /** Logs in on the Keycloak page this browser was sent to and waits until it is back at {@code backAt}. */
    public void keycloakLogin(String user, String password, String backAt) {
        waitFor(x -> x.url().startsWith("http://localhost:8180/realms/stadtretter/"), "the Keycloak login");
        find(By.id("username")).sendKeys(user);
        find(By.id("password")).sendKeys(password, Keys.ENTER);
        waitFor(x -> x.url().startsWith(backAt), "back at " + backAt);
    }

    public void assertFocusVisible(WebElement el) {
        String outline = (String) driver.executeScript("""
                const s = getComputedStyle(arguments[0]);
                return s.outlineStyle + ' ' + s.outlineWidth + ' / ' + s.boxShadow;""", el);
        boolean visible = !(outline.startsWith("none") || outline.contains(" 0px /")) || !outline.endsWith("none");
        assertThat(visible).as("focus visible on <%s id=%s type=%s class=%s> %s on %s: %s", el.getTagName(),
                el.getAttribute("id"), el.getAttribute("type"), el.getAttribute("class"), el.getText(), url(), outline)
                .isTrue();
    }

    private static String resource(String name) {
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
