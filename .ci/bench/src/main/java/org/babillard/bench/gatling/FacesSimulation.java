package org.babillard.bench.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Babillard's Faces pages under load, with their view state, as a browser sends them (Gatling). System properties:
 * {@code bench.base} (the server's address), {@code bench.scenario}, {@code bench.users} (concurrent users),
 * {@code bench.seconds}, {@code bench.first} and {@code bench.people} (which generated employees log in).
 * <ul>
 *   <li>{@code home}: each user logs in once, then reads the home page ({@code GET /index.xhtml}: the first page of
 *       the timeline, rendered) and asks for the next page ("Load more", an AJAX post with the view state), again
 *       and again until the window ends.</li>
 *   <li>{@code login}: each user logs in (GET the form, POST it; the POST is the measured login) with a fresh cookie
 *       jar each time, {@code bench.logins} times in all: every login leaves a session on the server.</li>
 * </ul>
 */
public class FacesSimulation extends Simulation {

    static final String BASE = System.getProperty("bench.base", "http://127.0.0.1:8580/");
    static final String SCENARIO = System.getProperty("bench.scenario", "home");
    static final int USERS = Integer.getInteger("bench.users", 1);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int FIRST = Integer.getInteger("bench.first", 0);
    static final int PEOPLE = Integer.getInteger("bench.people", 500);
    static final int LOGINS = Integer.getInteger("bench.logins", 100);

    static final AtomicInteger NEXT = new AtomicInteger();

    static Iterator<Map<String, Object>> people() {
        return Stream.generate(() -> Map.<String, Object>of("username", "bench.person" + (FIRST + NEXT.getAndIncrement() % PEOPLE))).iterator();
    }

    static final ChainBuilder LOGIN = exec(
            http("login form").get("login.xhtml").check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")),
            http("login").post("login.xhtml")
                    .formParam("login", "login")
                    .formParam("login:username", "#{username}")
                    .formParam("login:password", "demo")
                    .formParam("login:submit", "")
                    .formParam("jakarta.faces.ViewState", "#{viewState}")
                    .disableFollowRedirect()
                    .check(status().in(302, 303)));

    static final ChainBuilder HOME = exec(
            http("jsf-home-first").get("index.xhtml")
                    .check(status().is(200), substring("composer-prompt"),
                            css("input[name='jakarta.faces.ViewState']", "value").saveAs("homeState"),
                            regex("nonce=\"([^\"]+)\"").saveAs("nonce")),
            loadMore("jsf-home-more"));

    /** "Load more" on the home page whose view state and nonce the session holds ({@code homeState}, {@code nonce}). */
    static io.gatling.javaapi.http.HttpRequestActionBuilder loadMore(String name) {
        return http(name).post("index.xhtml")
                    .header("Faces-Request", "partial/ajax")
                    .formParam("jakarta.faces.partial.ajax", "true")
                    .formParam("jakarta.faces.source", "more:loadMore")
                    .formParam("jakarta.faces.partial.execute", "more:loadMore")
                    // what the page's button asks for: the empty block the first page leaves after itself, and the button's form
                    .formParam("jakarta.faces.partial.render", "pages:1:page more")
                    .formParam("more:loadMore", "more:loadMore")
                    .formParam("more", "more")
                    .formParam("jakarta.faces.ViewState", "#{homeState}")
                    // what PrimeFaces' script adds to every form it sends: the page's nonce (checked before any action)
                    .formParam("primefaces.nonce", "#{nonce}")
                    .check(status().is(200), substring("<partial-response"), substring("timeline-page"));
    }

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("text/html,application/xhtml+xml")
                .acceptLanguageHeader("en-GB").shareConnections();
        ScenarioBuilder scenario;
        if (SCENARIO.equals("home")) {
            scenario = scenario("home").feed(people()).exec(LOGIN).during(Duration.ofSeconds(SECONDS)).on(HOME);
        } else {
            int each = Math.max(1, LOGINS / USERS);
            scenario = scenario("login").repeat(each).on(exec(flushCookieJar()).feed(people()).exec(LOGIN));
        }
        setUp(scenario.injectOpen(atOnceUsers(USERS))).protocols(protocol);
    }
}
