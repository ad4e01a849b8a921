package org.babillard.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How post texts become searchable words, in French and in English at once (a company writes in both, often in
 * one post): elisions cut ("l'équipe" is "équipe"), case and accents folded ("Hélène" is "helene"), then a light
 * stemmer per language. A post's text is indexed three times: {@link #FRENCH} and {@link #ENGLISH} (stemmed, so
 * "équipes" finds "équipe" and "meetings" finds "meeting") and {@link #WORDS} (folded only: exact phrases and
 * prefixes). Queries look in all three and keep the best.
 */
public final class SearchAnalyzers {

    public static final String FRENCH = "text_fr";
    public static final String ENGLISH = "text_en";
    public static final String WORDS = "words";

    /** French articles and pronouns that elide, plus "qu'" and "jusqu'" which Lucene's default list lacks. */
    private static final CharArraySet ELISIONS = new CharArraySet(Arrays.asList(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    private static final Analyzer FRENCH_ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = folded(source);
            return new TokenStreamComponents(source, new FrenchLightStemFilter(s));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    private static final Analyzer ENGLISH_ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = folded(new EnglishPossessiveFilter(source));
            return new TokenStreamComponents(source, new KStemFilter(s));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    private static final Analyzer WORDS_ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, folded(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    /** Every field's analyzer: the three text fields by name, the keyword fields are not analysed. */
    private static final Analyzer PER_FIELD = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return of(fieldName);
        }
    };

    private SearchAnalyzers() {
    }

    private static TokenStream folded(TokenStream in) {
        // Lower case before elision ("L'Équipe"), folding last: the stemmers then see one spelling of each word.
        return new ASCIIFoldingFilter(new ElisionFilter(new LowerCaseFilter(in), ELISIONS));
    }

    public static Analyzer of(String field) {
        return switch (field) {
            case FRENCH -> FRENCH_ANALYZER;
            case ENGLISH -> ENGLISH_ANALYZER;
            default -> WORDS_ANALYZER;
        };
    }

    /** The analyzer the index writer uses. */
    public static Analyzer perField() {
        return PER_FIELD;
    }

    /** The terms a text gives in a field, in order. */
    public static List<String> terms(String field, String text) {
        List<String> terms = new ArrayList<>();
        for (Token t : tokens(field, text)) {
            terms.add(t.term());
        }
        return terms;
    }

    /** A term of a text and where it stands in the text. */
    public record Token(String term, int start, int end) {
    }

    public static List<Token> tokens(String field, String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        try (TokenStream ts = of(field).tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** A keyword (login, channel, topic) as the index keeps it: lower case, without accents, whole. */
    public static String keyword(String value) {
        if (value == null) {
            return "";
        }
        // Logins and slugs hold dots and dashes the tokenizer would cut at: fold character by character instead.
        String lower = value.strip().toLowerCase(java.util.Locale.ROOT);
        char[] out = new char[lower.length() * 4];
        int n = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, out, 0, lower.length());
        return new String(out, 0, n);
    }
}
