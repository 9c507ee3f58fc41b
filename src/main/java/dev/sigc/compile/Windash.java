package dev.sigc.compile;

import dev.sigc.ast.SigmaString;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code windash} modifier: Windows programs accept a flag with any of these leading characters, so a
 * value is matched in every spelling. Only a dash in flag position counts — at the start of the value or
 * after a character that is not a letter, digit or underscore, and followed by one — so that dashes inside
 * words (x-amz-header) are left alone.
 */
final class Windash {
    static final String DASHES = "-/\u2013\u2014\u2015";
    private static final int MAX_VARIANTS = 625;

    private Windash() {}

    static List<SigmaString> expand(SigmaString value, Span span) {
        List<List<SigmaString.Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        List<SigmaString.Part> parts = value.parts();
        for (int p = 0; p < parts.size(); p++) {
            SigmaString.Part part = parts.get(p);
            if (!(part instanceof SigmaString.Text t)) {
                for (List<SigmaString.Part> v : variants) {
                    v.add(part);
                }
                continue;
            }
            String s = t.text();
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                boolean atStart = i == 0 || !isWord(s.charAt(i - 1)); // a wildcard before counts as a word boundary
                boolean flag = DASHES.indexOf(s.charAt(i)) >= 0 && atStart && i + 1 < s.length() && isWord(s.charAt(i + 1));
                if (!flag) {
                    continue;
                }
                String before = s.substring(from, i);
                List<List<SigmaString.Part>> next = new ArrayList<>();
                for (List<SigmaString.Part> v : variants) {
                    for (char d : DASHES.toCharArray()) {
                        List<SigmaString.Part> copy = new ArrayList<>(v);
                        if (!before.isEmpty()) {
                            copy.add(new SigmaString.Text(before));
                        }
                        copy.add(new SigmaString.Text(String.valueOf(d)));
                        next.add(copy);
                    }
                }
                if (next.size() > MAX_VARIANTS) {
                    throw new SigcException("windash-explosion", span, "windash would expand this value into more than "
                            + MAX_VARIANTS + " spellings; split it into several values");
                }
                variants = next;
                from = i + 1;
            }
            if (from < s.length()) {
                for (List<SigmaString.Part> v : variants) {
                    v.add(new SigmaString.Text(s.substring(from)));
                }
            }
        }
        List<SigmaString> out = new ArrayList<>(variants.size());
        for (List<SigmaString.Part> v : variants) {
            out.add(new SigmaString(v));
        }
        return out;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
