package dev.sigc.pipeline;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * {@code replace_string} and {@code map_string} on string values (numbers, booleans, null, regular expressions
 * and the other kinds of match are not strings and are left alone). A value is seen whole, as written in Sigma:
 * a {@code contains} value {@code x} is {@code *x*}. Returns the same instance where nothing changed.
 */
final class StringValues {
    private StringValues() {}

    /**
     * {@code replace_string}. By default the regular expression sees the value in Sigma notation ({@code *} and
     * {@code ?} are wildcards; a literal {@code *}, {@code ?} is {@code \*}, {@code \?}, and a backslash is doubled
     * only before one of those, another backslash or a wildcard; see {@link #spell}), and the result is read back
     * by Sigma's rules, so a replacement may add or remove wildcards. With {@code skip_special} it sees each run
     * of literal text between wildcards on its own and wildcards stay as they are; what it writes is literal.
     */
    static ExprRewriter replace(Transformation.ReplaceString step, Predicate<Expr> chosen, String what) {
        return new ExprRewriter() {
            @Override
            public Expr visitString(StringMatch node) {
                if (!chosen.test(node)) {
                    return node;
                }
                if (step.skipSpecial()) {
                    List<SigmaString.Part> parts = new ArrayList<>();
                    for (SigmaString.Part p : node.pattern().parts()) {
                        if (p instanceof SigmaString.Text t) {
                            String r = replaceAll(step, t.text());
                            if (!r.isEmpty()) {
                                parts.add(new SigmaString.Text(r));
                            }
                        } else {
                            parts.add(p);
                        }
                    }
                    SigmaString edited = new SigmaString(parts);
                    return edited.equals(node.pattern()) ? node : StringMatch.fold(node.field(), node.op().anchoredStart(),
                            node.op().anchoredEnd(), edited, node.caseSensitive(), node.span());
                }
                SigmaString full = whole(node);
                if (full.hasPlaceholders()) {
                    throw new SigcException("pipeline-value", node.span(), what + " cannot rewrite a value with a "
                            + "placeholder (" + full.toSigma() + "); resolve it with value_placeholders first, or set "
                            + "skip_special: true to rewrite only the text around it");
                }
                String spelled = spell(full);
                String replaced = replaceAll(step, spelled);
                if (replaced.equals(spelled)) {
                    return node;
                }
                return StringMatch.fold(node.field(), true, true, SigmaString.parse(replaced), node.caseSensitive(),
                        node.span());
            }
        };
    }

    /**
     * {@code map_string}: a value that is, whole and as written (wildcards included), one of the mapping's keys
     * becomes its value, or an OR of its values. Keys compare exactly, letter case included. An equality with a
     * number or a boolean is compared by its spelling ({@code 5001}, {@code true}), so a rule's YAML {@code 5001}
     * and {@code '5001'} map alike. With {@code unmapped_failure}, a chosen item whose value is not a key (any
     * other string, number, boolean or kind of match) is the error {@code unmapped} makes of it.
     */
    static ExprRewriter map(Transformation.MapString step, Predicate<Expr> chosen,
                            Function<Expr, RuntimeException> unmapped) {
        return new ExprRewriter() {
            @Override
            public Expr visitString(StringMatch node) {
                if (!chosen.test(node)) {
                    return node;
                }
                List<SigmaString> to = step.mapping().get(whole(node));
                if (to == null) {
                    return leaf(node);
                }
                return mapped(node.field(), to, node.caseSensitive(), node);
            }

            @Override
            public Expr visitNumber(NumberMatch node) {
                if (!chosen.test(node) || node.op() != CompareOp.EQ) {
                    return leaf(node);
                }
                return spelled(node.field(), node.text(), node);
            }

            @Override
            public Expr visitBool(BoolMatch node) {
                if (!chosen.test(node)) {
                    return node;
                }
                return spelled(node.field(), Boolean.toString(node.value()), node);
            }

            private Expr spelled(String field, String text, Expr node) {
                List<SigmaString> to = step.mapping().get(SigmaString.literal(text));
                return to == null ? leaf(node) : mapped(Optional.of(field), to, false, node);
            }

            private Expr mapped(Optional<String> field, List<SigmaString> to, boolean caseSensitive, Expr node) {
                List<Expr> out = new ArrayList<>(to.size());
                for (SigmaString v : to) {
                    out.add(StringMatch.fold(field, true, true, v, caseSensitive, node.span()));
                }
                return Exprs.or(out, node.span());
            }

            @Override
            protected Expr leaf(Expr node) {
                if (unmapped != null && chosen.test(node)) {
                    throw unmapped.apply(node);
                }
                return node;
            }
        };
    }

    private static String replaceAll(Transformation.ReplaceString step, String in) {
        return step.regex().matcher(in).replaceAll(m -> Matcher.quoteReplacement(expand(step.replacement(), m)));
    }

    /**
     * A replacement for one match: {@code \N} (one or two digits) is group N (empty when it took no part in the
     * match), {@code \\} a backslash, everything else itself. The loader has checked the groups exist.
     */
    static String expand(String replacement, MatchResult m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 >= replacement.length()) {
                sb.append(c);
            } else if (replacement.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else {
                int j = i + 1;
                while (j < replacement.length() && j < i + 3 && Character.isDigit(replacement.charAt(j))) {
                    j++;
                }
                String g = m.group(Integer.parseInt(replacement.substring(i + 1, j)));
                sb.append(g == null ? "" : g);
                i = j - 1;
            }
        }
        return sb.toString();
    }

    /** The value as written: the pattern with the {@code *} its op stands for at either end. */
    static SigmaString whole(StringMatch node) {
        SigmaString full = node.pattern();
        if (!node.op().anchoredStart()) {
            full = full.prepend(SigmaString.Wildcard.ANY_STRING);
        }
        if (!node.op().anchoredEnd()) {
            full = full.append(SigmaString.Wildcard.ANY_STRING);
        }
        return full;
    }

    /**
     * The Sigma spelling of a value with the fewest backslashes: {@code *} and {@code ?} in text are escaped, and a
     * backslash only where the next character written is {@code *}, {@code ?} or a backslash (so
     * {@code C:\Windows} stays as it is). {@link SigmaString#parse} gives the value back.
     */
    static String spell(SigmaString s) {
        StringBuilder sb = new StringBuilder();
        List<SigmaString.Part> parts = s.parts();
        for (int i = 0; i < parts.size(); i++) {
            SigmaString.Part p = parts.get(i);
            if (p instanceof SigmaString.Text t) {
                String text = t.text();
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (c == '*' || c == '?') {
                        sb.append('\\').append(c);
                    } else if (c == '\\') {
                        boolean special = j + 1 < text.length() ? "*?\\".indexOf(text.charAt(j + 1)) >= 0
                                : i + 1 < parts.size() && parts.get(i + 1) instanceof SigmaString.Wildcard;
                        sb.append(special ? "\\\\" : "\\");
                    } else {
                        sb.append(c);
                    }
                }
            } else if (p instanceof SigmaString.Placeholder ph) {
                sb.append('%').append(ph.name()).append('%');
            } else {
                sb.append(p == SigmaString.Wildcard.ANY_STRING ? '*' : '?');
            }
        }
        return sb.toString();
    }
}
