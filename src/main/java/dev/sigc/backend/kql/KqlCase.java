package dev.sigc.backend.kql;

import dev.sigc.ast.SigmaString;
import java.util.BitSet;

/**
 * Whether Kusto's case-insensitive string operators ({@code =~}, {@code in~}, {@code contains},
 * {@code startswith}, {@code endswith}) compare a value the way Sigma means.
 *
 * <p>Microsoft documents that "case-insensitive operators are currently supported only for ASCII-text"
 * and recommends {@code tolower()} for the rest (Kusto docs, {@code =~} operator and the string-operator
 * pages up to 2023; later pages dropped the note without saying the engine changed). So those operators
 * are used only for values in which no character outside ASCII has a case variant; any other value is
 * matched by an RE2 {@code (?i)} regex, whose case folding covers all of Unicode.
 *
 * <p>What remains: an ASCII letter whose Unicode case variants lie outside ASCII ({@code k} and the Kelvin
 * sign, {@code s} and the long s, {@code i} and the dotted/dotless Turkish i) is compared ASCII-only.
 */
final class KqlCase {
    private KqlCase() {}

    /** Code points outside ASCII that have a case variant or are the variant of one (per the JDK's tables). */
    static final class Cased {
        /**
         * Where the scan stops. No code point above U+1FFFF has a case variant (the last cased script, Adlam,
         * ends at U+1E95F), so scanning on to U+10FFFF only costs time: about a tenth of a second of every
         * one-shot run that meets a non-ASCII value. {@code KqlBackendTest} checks that the full scan gives
         * the same set.
         */
        static final int SCAN_LIMIT = 0x1FFFF;
        static final BitSet NON_ASCII = compute(SCAN_LIMIT);

        static BitSet compute(int limit) {
            BitSet set = new BitSet(limit + 1);
            for (int cp = 0x80; cp <= limit; cp++) {
                int lower = Character.toLowerCase(cp);
                int upper = Character.toUpperCase(cp);
                int title = Character.toTitleCase(cp);
                if (lower != cp || upper != cp || title != cp) {
                    set.set(cp);
                    set.set(lower);
                    set.set(upper);
                    set.set(title);
                }
            }
            set.clear(0, 0x80);
            return set;
        }
    }

    /** True when ASCII-only case folding compares {@code text} as full case folding would. */
    static boolean asciiFoldSuffices(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x80 && Cased.NON_ASCII.get(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** {@link #asciiFoldSuffices(String)} for every literal part of a pattern. */
    static boolean asciiFoldSuffices(SigmaString pattern) {
        for (SigmaString.Part p : pattern.parts()) {
            if (p instanceof SigmaString.Text t && !asciiFoldSuffices(t.text())) {
                return false;
            }
        }
        return true;
    }
}
