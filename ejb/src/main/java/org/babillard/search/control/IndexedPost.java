package org.babillard.search.control;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.babillard.posts.control.Links;
import org.babillard.posts.control.Markup;

import java.time.Instant;

/**
 * A post as the index keeps it: its words (three ways, see {@link SearchAnalyzers}), its topics, mentions,
 * author, channel, date and what it carries. The text itself is not stored: results are shown from the database,
 * which also has the last word on who may read them.
 */
public record IndexedPost(long id, String text, String author, String channel, Instant createdAt, boolean notebook,
                          boolean hasFile) {

    public static final String ID = "id";
    public static final String KEY = "key";
    public static final String CREATED = "created";
    public static final String TAG = "tag";
    public static final String MENTION = "mention";
    public static final String AUTHOR = "author";
    public static final String CHANNEL = "channel";
    public static final String HAS = "has";
    public static final String NOTEBOOK = "notebook";

    public Document document() {
        Document d = new Document();
        d.add(new StringField(KEY, Long.toString(id), Field.Store.NO));
        d.add(new LongPoint(ID, id));
        d.add(new NumericDocValuesField(ID, id));
        d.add(new StoredField(ID, id));
        long created = createdAt.toEpochMilli();
        d.add(new LongPoint(CREATED, created));
        d.add(new TextField(SearchAnalyzers.FRENCH, text, Field.Store.NO));
        d.add(new TextField(SearchAnalyzers.ENGLISH, text, Field.Store.NO));
        d.add(new TextField(SearchAnalyzers.WORDS, text, Field.Store.NO));
        for (String tag : Markup.hashtags(text)) {
            d.add(new StringField(TAG, SearchAnalyzers.keyword(tag), Field.Store.NO));
        }
        for (String login : Markup.mentions(text)) {
            d.add(new StringField(MENTION, SearchAnalyzers.keyword(login), Field.Store.NO));
        }
        d.add(new StringField(AUTHOR, SearchAnalyzers.keyword(author), Field.Store.NO));
        if (channel != null) {
            d.add(new StringField(CHANNEL, SearchAnalyzers.keyword(channel), Field.Store.NO));
        }
        if (Links.segments(text).stream().anyMatch(Links.Segment::link)) {
            d.add(new StringField(HAS, "link", Field.Store.NO));
        }
        if (hasFile) {
            d.add(new StringField(HAS, "file", Field.Store.NO));
        }
        if (notebook) {
            // Lets the index leave out other people's notebooks at once; the database check stays the rule.
            d.add(new StringField(NOTEBOOK, "yes", Field.Store.NO));
        }
        return d;
    }
}
