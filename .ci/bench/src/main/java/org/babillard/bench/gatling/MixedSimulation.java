package org.babillard.bench.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The mixed workload of the load test (docs/reliability.md, "Load"): employees who mostly read their home timeline
 * and their channels, post about one action in ten and search now and then, each pausing between 0.5 and 1.5 s
 * like a person (so that the number of users is the concurrency held), for {@code bench.seconds}. Three in four use
 * the Mastodon API (a phone app: home, an older page of home, one of their channels, a #topic, a search, a post),
 * one in four the Faces pages (home page, "load more", the search page, and a post from the composer).
 * System properties: {@code bench.base}, {@code bench.users}, {@code bench.seconds}, {@code bench.tokens} (the
 * generator's "username token" file), {@code bench.readers} (how many of its first employees take part),
 * {@code bench.deep} (a post id for the older page), {@code bench.tags} (hashtags, comma-separated).
 */
public class MixedSimulation extends Simulation {

    static final String BASE = System.getProperty("bench.base", "http://127.0.0.1:8580/");
    static final int USERS = Integer.getInteger("bench.users", 40);
    static final int SECONDS = Integer.getInteger("bench.seconds", 600);
    static final int READERS = Integer.getInteger("bench.readers", 500);
    static final long DEEP = Long.getLong("bench.deep", 500_000L);
    static final List<String> TAGS = List.of(System.getProperty("bench.tags", "release,qualite,produit,support").split(","));
    static final List<String> SEARCHES = List.of("release", "projet client", "#qualite", "deploy server tests",
            "\"revue code\"", "budget", "réunion demain");
    static final AtomicInteger NEXT = new AtomicInteger();

    /** Employee n of the generated company: name and API token (tokens file line n). */
    static Iterator<Map<String, Object>> employees() {
        List<String[]> lines;
        try {
            lines = Files.readAllLines(Path.of(System.getProperty("bench.tokens"))).stream().filter(l -> !l.isBlank())
                    .limit(READERS).map(l -> l.trim().split("\\s+", 2)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Stream.generate(() -> {
            String[] line = lines.get(NEXT.getAndIncrement() % lines.size());
            return Map.<String, Object>of("username", line[0], "token", line[1]);
        }).iterator();
    }

    static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    static final ChainBuilder API_START = exec(
            // the channels this employee belongs to (Mastodon lists), for the channel timelines below
            http("api-lists").get("api/v1/lists").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$[*].id").findAll().optional().saveAs("lists")));

    static final ChainBuilder API_ACTION = exec(session -> session
            .set("tag", pick(TAGS))
            .set("q", pick(SEARCHES))
            .set("list", session.contains("lists") ? pick(session.getList("lists")) : "")
            .set("n", session.getInt("n") + 1))
            .randomSwitch().on(
                    percent(30).then(exec(http("api-home").get("api/v1/timelines/home?limit=20")
                            .header("Authorization", "Bearer #{token}").check(status().is(200)))),
                    percent(10).then(exec(http("api-home-older").get("api/v1/timelines/home?limit=20&max_id=" + DEEP)
                            .header("Authorization", "Bearer #{token}").check(status().is(200)))),
                    percent(25).then(doIf(session -> !session.getString("list").isEmpty()).then(
                                    exec(http("api-channel").get("api/v1/timelines/list/#{list}?limit=20")
                                            .header("Authorization", "Bearer #{token}").check(status().is(200))))
                            .doIf(session -> session.getString("list").isEmpty()).then(
                                    exec(http("api-company").get("api/v1/timelines/public?limit=20")
                                            .header("Authorization", "Bearer #{token}").check(status().is(200))))),
                    percent(10).then(exec(http("api-topic").get("api/v1/timelines/tag/#{tag}?limit=20")
                            .header("Authorization", "Bearer #{token}").check(status().is(200)))),
                    percent(12.5).then(exec(http("api-search").get("api/v2/search?type=statuses&limit=20")
                            .queryParam("q", "#{q}")
                            .header("Authorization", "Bearer #{token}").check(status().is(200)))),
                    percent(12.5).then(exec(http("api-post").post("api/v1/statuses")
                            .header("Authorization", "Bearer #{token}")
                            .formParam("status", "Load test: where the #{tag} work stands, update #{n}")
                            .check(status().is(200), jsonPath("$.id").exists()))));

    /** The login form, then the login (FacesSimulation's). */
    static final ChainBuilder FACES_START = FacesSimulation.LOGIN;

    static final ChainBuilder FACES_HOME = exec(http("faces-home").get("index.xhtml")
            .check(status().is(200), substring("composer-prompt"),
                    css("input[name='jakarta.faces.ViewState']", "value").saveAs("homeState"),
                    regex("nonce=\"([^\"]+)\"").saveAs("nonce"),
                    css("input[name='composer:key']", "value").saveAs("composerKey")));

    static final ChainBuilder FACES_ACTION = exec(session -> session.set("q", pick(SEARCHES)).set("n", session.getInt("n") + 1))
            .randomSwitch().on(
                    percent(55).then(FACES_HOME),
                    percent(25).then(exec(FACES_HOME, FacesSimulation.loadMore("faces-home-more"))),
                    percent(10).then(exec(http("faces-search").get("search.xhtml").queryParam("q", "#{q}")
                            .check(status().is(200)))),
                    percent(10).then(exec(FACES_HOME, http("faces-post").post("index.xhtml")
                            .header("Faces-Request", "partial/ajax")
                            .formParam("jakarta.faces.partial.ajax", "true")
                            .formParam("jakarta.faces.source", "composer:publish")
                            .formParam("jakarta.faces.partial.execute", "composer")
                            .formParam("jakarta.faces.partial.render", "composer timeline")
                            .formParam("composer:publish", "composer:publish")
                            .formParam("composer", "composer")
                            .formParam("composer:text", "Load test from the page, update #{n}")
                            .formParam("composer:key", "#{composerKey}")
                            .formParam("composer:audience", "COMPANY")
                            .formParam("jakarta.faces.ViewState", "#{homeState}")
                            .formParam("primefaces.nonce", "#{nonce}")
                            .check(status().is(200), substring("<partial-response"), substring("Load test from the page")))));

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json, text/html")
                .acceptLanguageHeader("en-GB").shareConnections();
        Duration think = Duration.ofMillis(500);
        Duration thinkMax = Duration.ofMillis(1500);
        ScenarioBuilder api = scenario("api").feed(employees()).exec(session -> session.set("n", 0)).exec(API_START)
                .during(Duration.ofSeconds(SECONDS)).on(exec(API_ACTION).pause(think, thinkMax));
        ScenarioBuilder faces = scenario("faces").feed(employees()).exec(session -> session.set("n", 0)).exec(FACES_START)
                .during(Duration.ofSeconds(SECONDS)).on(exec(FACES_ACTION).pause(think, thinkMax));
        int facesUsers = Math.max(1, USERS / 4);
        // everyone arrives within 20 s (not all in the same millisecond), then holds
        setUp(api.injectOpen(rampUsers(USERS - facesUsers).during(Duration.ofSeconds(20))),
                faces.injectOpen(rampUsers(facesUsers).during(Duration.ofSeconds(20)))).protocols(protocol);
    }
}
