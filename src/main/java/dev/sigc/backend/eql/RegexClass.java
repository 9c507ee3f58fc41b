package dev.sigc.backend.eql;

import java.util.ArrayList;
import java.util.List;

/**
 * A bracket expression of a Sigma regex as a Lucene class. Every ASCII punctuation character is escaped
 * (Lucene requires its operators to be escaped inside classes too); {@code \d \w \s} expand to explicit
 * ASCII sets; under {@code regex~} ranges get their other-case ASCII counterparts (Lucene folds single
 * characters only) and non-ASCII letters their case variants.
 */
final class RegexClass {
    private final RegexTranslator in;
    private final boolean ignoreCase;
    private final List<int[]> ranges = new ArrayList<>();
    private final StringBuilder shorthands = new StringBuilder();

    RegexClass(RegexTranslator in, boolean ignoreCase) {
        this.in = in;
        this.ignoreCase = ignoreCase;
    }

    /** The Lucene class for the bracket expression at the cursor (just after its '['). */
    String parse() {
        boolean negated = in.more() && in.peek() == '^';
        if (negated) {
            in.skip();
        }
        boolean first = true;
        while (true) {
            if (!in.more()) {
                throw in.fail("missing ']'");
            }
            int c = in.next();
            if (c == ']' && !first) {
                break;
            }
            first = false;
            if (c == '[') {
                throw in.fail("'[' inside a character class (POSIX class or nested class) is not supported; escape it");
            }
            if (c == '&' && in.more() && in.peek() == '&') {
                throw in.fail("class intersection '&&' is not supported");
            }
            int lo;
            if (c == '\\') {
                if (!in.more()) {
                    throw in.fail("trailing backslash");
                }
                int e = in.next();
                if (shorthand(e)) {
                    continue;
                }
                lo = in.escapedChar(e, true);
            } else {
                lo = c;
            }
            int hi = lo;
            if (in.more() && in.peek() == '-' && in.peekAt(1) >= 0 && in.peekAt(1) != ']') {
                in.skip();
                int d = in.next();
                if (d == '\\') {
                    if (!in.more()) {
                        throw in.fail("trailing backslash");
                    }
                    int e = in.next();
                    if ("dDwWsS".indexOf(e) >= 0) {
                        throw in.fail("a class shorthand cannot end a range");
                    }
                    hi = in.escapedChar(e, true);
                } else if (d == '[') {
                    throw in.fail("'[' inside a character class is not supported; escape it");
                } else {
                    hi = d;
                }
                if (hi < lo) {
                    throw in.fail("invalid class range");
                }
            }
            ranges.add(new int[] {lo, hi});
        }
        StringBuilder sb = new StringBuilder("[");
        if (negated) {
            sb.append('^');
        }
        sb.append(shorthands);
        for (int[] r : ranges) {
            appendRange(sb, r[0], r[1]);
            if (ignoreCase) {
                appendCaseVariants(sb, r[0], r[1]);
            }
        }
        return sb.append(']').toString();
    }

    private boolean shorthand(int e) {
        switch (e) {
            case 'd' -> shorthands.append("0-9");
            case 'w' -> shorthands.append(RegexTranslator.WORD);
            case 's' -> shorthands.append(RegexTranslator.SPACE);
            case 'D', 'W', 'S' -> throw in.fail("negated class shorthand '\\" + (char) e + "' inside a class is not supported");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void appendRange(StringBuilder sb, int lo, int hi) {
        LuceneRegex.appendChar(sb, lo, true);
        if (hi != lo) {
            sb.append('-');
            LuceneRegex.appendChar(sb, hi, true);
        }
    }

    /** Lucene folds single ASCII chars itself, but neither ranges nor non-ASCII letters. */
    private void appendCaseVariants(StringBuilder sb, int lo, int hi) {
        if (lo == hi) {
            LuceneRegex.nonAsciiVariants(lo).forEach(v -> LuceneRegex.appendChar(sb, v, true));
            return;
        }
        if (LuceneRegex.rangeHasNonAsciiCase(lo, hi)) {
            throw in.fail("a class range with non-ASCII letters cannot be matched case-insensitively");
        }
        appendShifted(sb, Math.max(lo, 'a'), Math.min(hi, 'z'), 'A' - 'a');
        appendShifted(sb, Math.max(lo, 'A'), Math.min(hi, 'Z'), 'a' - 'A');
    }

    private void appendShifted(StringBuilder sb, int lo, int hi, int shift) {
        if (lo <= hi) {
            appendRange(sb, lo + shift, hi + shift);
        }
    }
}
