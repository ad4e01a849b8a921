package org.babillard.search.bench;

import org.apache.lucene.search.Query;
import org.babillard.search.control.IndexedPost;
import org.babillard.search.control.PostIndex;
import org.babillard.search.control.PostQueries;
import org.babillard.search.control.SearchQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The search benchmark (not a test; never part of the normal build): builds an index of N generated posts in
 * French and English with the production indexing code ({@link PostIndex}, {@link IndexedPost}), measures the
 * full build time and the index size, then runs typical queries through the production query code
 * ({@link SearchQuery}, {@link PostQueries}) and reports latency percentiles of the index's part of a search.
 * Run: see docs/benchmarks/search.md.
 */
public final class SearchBenchmark {

    private static final String[] FR = ("le la les un une des de du et à en pour avec sur dans par pas plus que qui "
            + "nous vous ils elle on est sont a ont fait faire être avoir équipe réunion projet budget client clients "
            + "livraison version déploiement serveur base données recherche réunions équipes semaine demain hier "
            + "aujourd'hui point revue code sécurité incident correction nouvelle nouveau présentation atelier "
            + "formation recrutement congés bureau Paris Lyon Nantes Lille Bordeaux produit marketing vente ventes "
            + "contrat facture factures rapport trimestre objectif objectifs résultat résultats planning priorité "
            + "retard urgent merci bravo félicitations question réponse idée proposition l'équipe d'abord qu'on "
            + "c'est j'ai n'est s'il l'application l'entreprise d'accord préparation tests migration sauvegarde "
            + "réseau panne maintenance documentation support utilisateurs accès compte mot passe").split(" ");
    private static final String[] EN = ("the a an of and to in for with on at by is are was were be have has had "
            + "we you they it this that team meeting meetings project budget customer customers delivery release "
            + "deployment server database search week tomorrow yesterday today review code security incident fix "
            + "new presentation workshop training hiring holiday office London Berlin product marketing sales "
            + "contract invoice invoices report quarter goal goals result results planning priority delay urgent "
            + "thanks great congratulations question answer idea proposal team's customer's tests testing migration "
            + "backup network outage maintenance documentation support users access account password roadmap "
            + "launch launched launching shipped shipping feedback design designs dashboard metrics onboarding").split(" ");
    private static final String[] TAGS = ("release budget incident recrutement onboarding sécurité roadmap qualité "
            + "marketing ventes support formation déploiement kickoff retro").split(" ");
    private static final String[] CHANNELS = {"engineering", "rh", "ventes", "marketing", "support", "paris", "lyon",
            "annonces", "produit", "securite", "data", "design"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Path dir = Files.createTempDirectory("babillard-search-bench");
        Random random = new Random(42);
        String[] people = new String[145];
        for (int i = 0; i < people.length; i++) {
            people[i] = "employee" + i + ".name";
        }
        Instant start = Instant.parse("2024-01-01T08:00:00Z");
        System.out.printf("Building an index of %,d posts in %s%n", posts, dir);
        long t0 = System.nanoTime();
        try (PostIndex index = PostIndex.open(dir)) {
            List<IndexedPost> batch = new ArrayList<>(1000);
            for (int id = 1; id <= posts; id++) {
                batch.add(post(id, random, people, start));
                if (batch.size() == 1000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            index.add(batch);
            index.publish();
            long buildMs = (System.nanoTime() - t0) / 1_000_000;
            long size = index.sizeOnDisk();
            System.out.printf("Full build: %,d ms for %,d posts (%.0f posts/s), index size %,d bytes (%.1f MB), %d docs%n",
                    buildMs, posts, posts * 1000.0 / buildMs, size, size / 1024.0 / 1024.0, index.count());

            List<String> typed = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                typed.add(typicalQuery(random, people));
            }
            // Warm-up, as a running server is: the first queries load the index's files into the page cache.
            for (int i = 0; i < Math.min(500, queries); i++) {
                run(index, typed.get(i), i % 3 == 0 ? PostIndex.Order.DATE : PostIndex.Order.RELEVANCE, people[i % people.length]);
            }
            long[] took = new long[queries];
            long found = 0;
            for (int i = 0; i < queries; i++) {
                PostIndex.Order order = i % 3 == 0 ? PostIndex.Order.DATE : PostIndex.Order.RELEVANCE;
                long s = System.nanoTime();
                found += run(index, typed.get(i), order, people[i % people.length]);
                took[i] = System.nanoTime() - s;
            }
            Arrays.sort(took);
            System.out.printf("Queries: %d (first 40 candidates, a third by date), p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; "
                            + "%.1f candidates per query on average%n", queries, took[queries / 2] / 1e6,
                    took[(int) (queries * 0.95)] / 1e6, took[(int) (queries * 0.99)] / 1e6, took[queries - 1] / 1e6,
                    found / (double) queries);
            System.out.println("Sample queries: " + typed.subList(0, 12));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Parse, build and run one query as the search boundary does (one batch of twice a page of 20). */
    private static int run(PostIndex index, String typed, PostIndex.Order order, String reader) throws Exception {
        Query q = PostQueries.build(SearchQuery.parse(typed), reader, ZoneId.of("Europe/Paris"));
        return index.search(q, order, null, 40).candidates().size();
    }

    private static IndexedPost post(long id, Random r, String[] people, Instant start) {
        boolean french = r.nextInt(100) < 60;
        String[] words = french ? FR : EN;
        int n = 6 + r.nextInt(35);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(zipf(words, r));
        }
        if (r.nextInt(100) < 25) {
            b.append(" #").append(zipf(TAGS, r));
        }
        if (r.nextInt(100) < 15) {
            b.append(" @").append(people[r.nextInt(people.length)]);
        }
        if (r.nextInt(100) < 8) {
            b.append(" https://intranet.example/doc/").append(r.nextInt(100000));
        }
        String channel = r.nextInt(100) < 40 ? CHANNELS[r.nextInt(CHANNELS.length)] : null;
        // About 1,000 posts a day: 1M posts are almost three years of a 2,000-person company.
        Instant created = start.plusSeconds(id * 86L);
        return new IndexedPost(id, b.toString(), people[r.nextInt(people.length)], channel, created,
                r.nextInt(100) < 3, r.nextInt(100) < 5);
    }

    private static String typicalQuery(Random r, String[] people) {
        int kind = r.nextInt(100);
        String w1 = word(r);
        String w2 = word(r);
        if (kind < 35) {
            return w1;
        } else if (kind < 60) {
            return w1 + " " + w2;
        } else if (kind < 68) {
            return "\"" + w1 + " " + w2 + "\"";
        } else if (kind < 76) {
            return w1 + " from:" + people[r.nextInt(people.length)];
        } else if (kind < 84) {
            return "#" + TAGS[r.nextInt(TAGS.length)] + (r.nextBoolean() ? " " + w1 : "");
        } else if (kind < 90) {
            return w1 + " in:" + CHANNELS[r.nextInt(CHANNELS.length)];
        } else if (kind < 95) {
            return w1 + " after:2025-06-01 before:2025-09-01";
        } else {
            return w1.substring(0, Math.min(3, w1.length())) + "*";
        }
    }

    /** A content word, as people search for: not "le" or "the". */
    private static String word(Random r) {
        String[] words = r.nextBoolean() ? FR : EN;
        String w;
        do {
            w = words[r.nextInt(words.length)];
        } while (w.length() < 4 || w.contains("'"));
        return w;
    }

    private static String zipf(String[] words, Random r) {
        double x = r.nextDouble();
        return words[(int) (words.length * x * x)];
    }
}
