package org.babillard.bench;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldif.LDIFReader;
import org.babillard.directory.demo.DemoDirectory;
import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: a benchmark, run on demand (see docs/benchmarks/directory.md). A generated directory of 10,000
 * employees and 500 team groups (plus the demo company) is served by the in-memory directory, which counts the
 * requests it answers. Measured: a full directory sync through Babillard (time, round trips), then logins per
 * second through Babillard's login page against plain binds per second to the same directory.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectoryBenchmark {

    static final int EMPLOYEES = Integer.getInteger("bench.employees", 10_000);
    static final int GROUPS = Integer.getInteger("bench.groups", 500);
    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
    static final String BASE = DemoDirectory.BASE_DN;

    static InMemoryDirectoryServer directory;
    static final AtomicLong searches = new AtomicLong();
    static final AtomicLong entriesReturned = new AtomicLong();
    static final AtomicLong binds = new AtomicLong();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @BeforeAll
    static void bigDirectory() throws Exception {
        int port = URI.create(System.getProperty("babillard.it.ldap.url")).getPort();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                searches.incrementAndGet();
            }

            @Override
            public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
                entriesReturned.incrementAndGet();
            }

            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                binds.incrementAndGet();
            }
        });
        directory = new InMemoryDirectoryServer(config);
        try (InputStream in = DemoDirectory.class.getResourceAsStream(DemoDirectory.LDIF); LDIFReader reader = new LDIFReader(in)) {
            directory.importFromLDIF(true, reader);
        }
        String[] sites = {"Paris", "Lyon", "Montréal", "London", "Bordeaux", "Lille"};
        String[] departments = {"Ingénierie", "Ventes", "Support client", "Finance", "Logistique", "Marketing et communication"};
        for (int i = 0; i < EMPLOYEES; i++) {
            String uid = "bench.person" + i;
            directory.add(new Entry("uid=" + uid + ",ou=people," + BASE,
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                    new com.unboundid.ldap.sdk.Attribute("uid", uid),
                    new com.unboundid.ldap.sdk.Attribute("cn", "Personne Numéro " + i),
                    new com.unboundid.ldap.sdk.Attribute("sn", "Numéro " + i),
                    new com.unboundid.ldap.sdk.Attribute("displayName", "Personne Numéro " + i),
                    new com.unboundid.ldap.sdk.Attribute("mail", uid + "@babillard.example"),
                    new com.unboundid.ldap.sdk.Attribute("title", "Title " + (i % 40)),
                    new com.unboundid.ldap.sdk.Attribute("departmentNumber", departments[i % departments.length]),
                    new com.unboundid.ldap.sdk.Attribute("l", sites[i % sites.length]),
                    new com.unboundid.ldap.sdk.Attribute("telephoneNumber", "+33 1 00 00 " + String.format("%04d", i % 10000)),
                    new com.unboundid.ldap.sdk.Attribute("manager", "uid=bench.person" + (i / 10) + ",ou=people," + BASE),
                    new com.unboundid.ldap.sdk.Attribute("userPassword", "demo")));
        }
        int perGroup = Math.max(1, EMPLOYEES / GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            List<String> members = new ArrayList<>();
            for (int m = 0; m < perGroup; m++) {
                members.add("uid=bench.person" + ((g * perGroup + m) % EMPLOYEES) + ",ou=people," + BASE);
            }
            directory.add(new Entry("cn=team-bench-" + g + ",ou=groups," + BASE,
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "groupOfNames"),
                    new com.unboundid.ldap.sdk.Attribute("cn", "team-bench-" + g),
                    new com.unboundid.ldap.sdk.Attribute("member", members)));
        }
        directory.startListening();
    }

    @AfterAll
    static void stop() {
        if (directory != null) {
            directory.shutDown(true);
        }
    }

    @Test
    void syncAndLogins() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Directory: ").append(directory.countEntries()).append(" entries (").append(EMPLOYEES)
                .append(" generated employees and ").append(GROUPS).append(" groups of ").append(EMPLOYEES / GROUPS)
                .append(" members, plus the demo company); ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; ").append(THREADS).append(" client threads; windows of ").append(WINDOW.toSeconds()).append(" s.\n\n");

        WebDriver browser = Browser.open("en-GB");
        try {
            browser.get(Browser.baseUrl());
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
                    .sendKeys(DemoDirectory.DEMO_ADMIN);
            browser.findElement(By.id("login:password")).sendKeys(DemoDirectory.DEMO_PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("admin"))).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("directory"))).click();
            report.append("| sync | wall time | searches | entries returned | binds | Babillard says |\n| --- | --- | --- | --- | --- | --- |\n");
            for (String run : new String[]{"first (everyone joins)", "second (nothing changed)"}) {
                long s0 = searches.get(), e0 = entriesReturned.get(), b0 = binds.get();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("sync:now")));
                Instant start = Instant.now();
                browser.findElement(By.id("sync:now")).click();
                new WebDriverWait(browser, Duration.ofMinutes(10)).until(
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync\\:messages li")));
                String said = String.join(" ", browser.findElements(By.cssSelector("#sync\\:messages li")).stream()
                        .map(org.openqa.selenium.WebElement::getText).toList());
                long millis = Duration.between(start, Instant.now()).toMillis();
                report.append("| ").append(run).append(" | ").append(millis).append(" ms | ").append(searches.get() - s0)
                        .append(" | ").append(entriesReturned.get() - e0).append(" | ").append(binds.get() - b0)
                        .append(" | ").append(said).append(" |\n");
                assertTrue(said.startsWith("Synchronised"), said);
                browser.navigate().refresh();
            }
        } finally {
            browser.quit();
        }

        double plain = perSecond(this::plainBind);
        double throughBabillard = perSecond(this::babillardLogin);
        report.append("\n| logins, ").append(THREADS).append(" threads | per second |\n| --- | --- |\n")
                .append("| plain LDAP binds (UnboundID client, a fresh connection each) | ").append(String.format("%.0f", plain)).append(" |\n")
                .append("| Babillard's login page (GET the form, POST it, follow to the home page) | ")
                .append(String.format("%.1f", throughBabillard)).append(" |\n");
        Path out = Path.of("target", "benchmark", "directory.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private void plainBind() throws Exception {
        int i = ThreadLocalRandom.current().nextInt(EMPLOYEES);
        URI url = URI.create(System.getProperty("babillard.it.ldap.url"));
        try (LDAPConnection c = new LDAPConnection(url.getHost(), url.getPort())) {
            c.bind("uid=bench.person" + i + ",ou=people," + BASE, "demo");
        }
    }

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private void babillardLogin() throws Exception {
        int i = ThreadLocalRandom.current().nextInt(EMPLOYEES);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = Browser.baseUrl();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no view state on the login page");
        }
        String form = "login=login&login%3Ausername=bench.person" + i + "&login%3Apassword=demo&login%3Asubmit="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        // A first login lands on the welcome page (docs/onboarding.md): logged in all the same.
        if (!home.body().contains("composer-prompt") && !home.body().contains("welcome-title")) {
            throw new IllegalStateException("login failed for bench.person" + i + ": " + home.statusCode());
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static double perSecond(Action action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong done = new AtomicLong();
        // A short warm-up, not counted.
        Instant warmEnd = Instant.now().plusSeconds(3);
        Instant end = warmEnd.plus(WINDOW);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    action.run();
                    if (Instant.now().isAfter(warmEnd)) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / (double) WINDOW.toSeconds();
    }
}
