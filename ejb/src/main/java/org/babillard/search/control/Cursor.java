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

    /**
     * @param lastDoc the last document number of the reader: Lucene takes a document whose sort values equal the
     *                cursor's as "after" it only if its number is larger, and with unique post ids the only such
     *                document is the cursor's own post, which must not come again
     */
    FieldDoc fieldDoc(PostIndex.Order order, int lastDoc) {
        return order == PostIndex.Order.DATE
                ? new FieldDoc(lastDoc, Float.NaN, new Object[] {id})
                : new FieldDoc(lastDoc, score, new Object[] {score, id});
    }
}
