package org.babillard.search.control;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link SearchQuery} into a Lucene query. Every word must be found, in any of its three forms (French
 * stem, English stem, the word itself; the word itself scores highest); phrases must be found as typed (accents
 * and case aside); operators are filters. Other people's notebook entries are left out here already, as a
 * shortcut: the database re-check of every result remains the rule.
 */
public final class PostQueries {

    private static final String[] TEXT_FIELDS = {SearchAnalyzers.WORDS, SearchAnalyzers.FRENCH, SearchAnalyzers.ENGLISH};
    private static final float[] BOOSTS = {1.5f, 1f, 1f};

    private PostQueries() {
    }

    /** @param reader the login of the person searching, or null for no notebook at all */
    public static Query build(SearchQuery q, String reader, ZoneId zone) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean scoring = false;
        for (String word : q.words()) {
            Query w = word(word);
            if (w != null) {
                b.add(w, Occur.MUST);
                scoring = true;
            }
        }
        for (String prefix : q.prefixes()) {
            b.add(new PrefixQuery(new Term(SearchAnalyzers.WORDS, prefix)), Occur.MUST);
            scoring = true;
        }
        for (String phrase : q.phrases()) {
            Query p = phrase(SearchAnalyzers.WORDS, phrase);
            if (p != null) {
                b.add(p, Occur.MUST);
                scoring = true;
            }
        }
        for (String tag : q.tags()) {
            b.add(new TermQuery(new Term(IndexedPost.TAG, tag)), Occur.MUST);
            scoring = true;
        }
        for (String mention : q.mentions()) {
            b.add(new TermQuery(new Term(IndexedPost.MENTION, mention)), Occur.MUST);
            scoring = true;
        }
        anyOf(b, IndexedPost.AUTHOR, q.authors());
        anyOf(b, IndexedPost.CHANNEL, q.channels());
        if (q.after() != null || q.before() != null) {
            long from = q.after() == null ? Long.MIN_VALUE : start(q.after(), zone);
            long to = q.before() == null ? Long.MAX_VALUE : start(q.before(), zone) - 1;
            b.add(LongPoint.newRangeQuery(IndexedPost.CREATED, from, to), Occur.FILTER);
        }
        if (q.hasLink()) {
            b.add(new TermQuery(new Term(IndexedPost.HAS, "link")), Occur.FILTER);
        }
        if (q.hasFile()) {
            b.add(new TermQuery(new Term(IndexedPost.HAS, "file")), Occur.FILTER);
        }
        if (!scoring) {
            // Only filters (from:alice after:2026-01-01): every post passes, the filters choose.
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        BooleanQuery.Builder othersNotebooks = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexedPost.NOTEBOOK, "yes")), Occur.FILTER);
        if (reader != null) {
            othersNotebooks.add(new TermQuery(new Term(IndexedPost.AUTHOR, SearchAnalyzers.keyword(reader))), Occur.MUST_NOT);
        }
        b.add(othersNotebooks.build(), Occur.MUST_NOT);
        return b.build();
    }

    /** One word in any of its forms; null when the word holds nothing searchable ("!!"). */
    static Query word(String word) {
        List<Query> forms = new ArrayList<>();
        for (int i = 0; i < TEXT_FIELDS.length; i++) {
            Query f = phrase(TEXT_FIELDS[i], word);
            if (f != null) {
                forms.add(new BoostQuery(f, BOOSTS[i]));
            }
        }
        return forms.isEmpty() ? null : new DisjunctionMaxQuery(forms, 0.1f);
    }

    /** The text's terms in this field, one after the other ("e-mail" is two terms); null when there are none. */
    static Query phrase(String field, String text) {
        List<String> terms = SearchAnalyzers.terms(field, text);
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        return new PhraseQuery(field, terms.toArray(new String[0]));
    }

    private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : values) {
            any.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        }
        b.add(any.build(), Occur.FILTER);
    }

    private static long start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
