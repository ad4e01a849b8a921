package org.babillard.search.control;

import org.apache.lucene.search.FieldDoc;

/**
 * Where a page of results ended, as a short string the page carries to ask for the next one: the last post's id,
 * and its score when ordered by relevance. Keyset pagination: no offset, stable while posts keep arriving.
 */
public record Cursor(long id, float score) {

    public static Cursor of(PostIndex.Candidate c) {
        return new Cursor(c.id(), c.score());
    }

    /** @return null for null, blank or anything that is not a cursor this class wrote */
    public static Cursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split("_", 2);
        try {
            long id = Long.parseLong(parts[0]);
            float score = parts.length > 1 ? Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16)) : 0f;
            return id > 0 && Float.isFinite(score) ? new Cursor(id, score) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return id + "_" + Integer.toHexString(Float.floatToIntBits(score));
    }

    FieldDoc fieldDoc(PostIndex.Order order) {
        return order == PostIndex.Order.DATE
                ? new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {id})
                : new FieldDoc(Integer.MAX_VALUE, score, new Object[] {score, id});
    }
}
