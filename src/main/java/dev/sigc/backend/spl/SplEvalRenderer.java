package dev.sigc.backend.spl;

import dev.sigc.ast.And;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.LeafVisitor;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.backend.BoolGrammar;
import dev.sigc.backend.InfixRenderer;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The eval expression of a {@code | where} stage: {@code NOT} > {@code AND} > {@code OR}.
 *
 * <p>Null handling. In eval a test on a missing field ({@code match(F, re)} with F null) is null, and
 * {@code where} keeps only true rows; {@code NOT null} is null too. In Sigma a positive test on a missing
 * field is false — null behaves like false under AND/OR, so positive tests need no guard — but a negated
 * test on a missing field is TRUE. So the condition is put in negation normal form and every negated
 * test {@code t} on field F is written {@code isnull(F) OR NOT t} (for numbers
 * {@code isnull(tonumber(F)) OR NOT t}, since a non-numeric value does not satisfy a comparison either).
 * {@code coalesce(F, "")} was rejected: it would make a missing field match patterns that match "".
 *
 * <p>Several string patterns on one field in an OR (or negated in an AND) become one {@code match()} with an
 * alternation: {@code (?is)^a\z|b} matches exactly when one of {@code (?is)^a\z} and {@code (?is)b} does,
 * since {@code |} binds loosest and a leading option setting applies to every alternative (PCRE2, "Internal
 * option setting"). Only sigc's own pattern regexes are joined this way, never a rule's regex, whose group
 * numbers and back references an alternation would shift.
 *
 * <p>Some tests need values computed first (the calendar parts of a time stamp): the renderer collects them
 * in {@link #helpers()}, which the backend writes as {@code | eval} stages before the {@code | where}.
 */
final class SplEvalRenderer extends InfixRenderer {
    static final BoolGrammar EVAL = new BoolGrammar("AND", "OR", "NOT ", 2, 1, true);
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final MappedRule rule;
    private final Map<String, String> helpers = SplTime.newHelpers();
    private final Map<String, String> timePrefixes = new LinkedHashMap<>();

    SplEvalRenderer(MappedRule rule) {
        super(EVAL);
        this.rule = rule;
    }

    /** Renders any condition (its negation normal form, with negated tests guarded). */
    String renderCondition(Expr condition) {
        Expr nnf = SplNegation.nnf(condition, false);
        return nnf instanceof Not n ? String.join(" OR ", negated(n.term())) : render(nnf);
    }

    /** Fields the rendered conditions read, name to eval expression, in the order they must be computed. */
    Map<String, String> helpers() {
        return Collections.unmodifiableMap(helpers);
    }

    @Override
    protected String leaf(Expr leaf) {
        return positive(leaf).text();
    }

    @Override
    protected List<Object> groupAnd(List<Expr> terms) {
        Map<PatternKey, List<String>> merged = mergeable(terms, true);
        List<Object> out = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            Optional<PatternKey> key = patternKey(t, true).filter(merged::containsKey);
            if (key.isPresent()) {
                List<String> bodies = merged.put(key.get(), List.of());
                if (!bodies.isEmpty()) {
                    out.add(String.join(" OR ", key.get().negated(bodies)));
                }
            } else {
                out.add(t instanceof Not n ? String.join(" OR ", negated(n.term())) : t);
            }
        }
        // a guarded negation is an OR: parenthesised among AND terms, bare when it is all there is
        if (out.size() > 1) {
            out.replaceAll(o -> o instanceof String g ? "(" + g + ")" : o);
        }
        return out;
    }

    @Override
    protected List<Object> groupOr(List<Expr> terms) {
        Map<PatternKey, List<String>> merged = mergeable(terms, false);
        List<Object> out = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            Optional<PatternKey> key = patternKey(t, false).filter(merged::containsKey);
            if (key.isPresent()) {
                List<String> bodies = merged.put(key.get(), List.of());
                if (!bodies.isEmpty()) {
                    out.add(key.get().match(bodies));
                }
            } else if (t instanceof Not n) {
                out.addAll(negated(n.term()));
            } else if (t instanceof And a && oneMergedNegation(a).isPresent()) {
                out.addAll(oneMergedNegation(a).get()); // its guard OR NOT match(...) joins this OR
            } else {
                out.add(t);
            }
        }
        return dedupe(out);
    }

    /** The atoms of an AND of negated pattern tests on one field, which {@link #groupAnd} makes one negation. */
    private Optional<List<String>> oneMergedNegation(And a) {
        Map<PatternKey, List<String>> merged = mergeable(a.terms(), true);
        if (merged.size() != 1 || merged.values().iterator().next().size() != a.terms().size()) {
            return Optional.empty();
        }
        Map.Entry<PatternKey, List<String>> only = merged.entrySet().iterator().next();
        return Optional.of(only.getKey().negated(only.getValue()));
    }

    /** Drops a rendered atom that repeats an earlier one (the same guard from two negations): A OR A is A. */
    private static List<Object> dedupe(List<Object> atoms) {
        List<Object> out = new ArrayList<>(atoms.size());
        Set<String> seen = new HashSet<>();
        for (Object a : atoms) {
            if (!(a instanceof String text) || seen.add(text)) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Pattern tests on one field with one case sensitivity that occur at least twice among the terms (negated
     * ones when {@code negatedTerms}), with their regex bodies in term order.
     */
    private Map<PatternKey, List<String>> mergeable(List<Expr> terms, boolean negatedTerms) {
        Map<PatternKey, List<String>> all = new LinkedHashMap<>();
        for (Expr t : terms) {
            patternKey(t, negatedTerms).ifPresent(k -> all.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(SplRegex.body(patternOf(t))));
        }
        all.values().removeIf(bodies -> bodies.size() < 2);
        return all;
    }

    private static StringMatch patternOf(Expr t) {
        return (StringMatch) (t instanceof Not n ? n.term() : t);
    }

    /** The merge key of a term that is a pattern test (negated when {@code negatedTerms}) written with match(). */
    private Optional<PatternKey> patternKey(Expr t, boolean negatedTerms) {
        Expr inner = negatedTerms ? (t instanceof Not n ? n.term() : null) : t;
        if (inner instanceof StringMatch s && s.field().isPresent() && isPatternTest(s)) {
            return Optional.of(new PatternKey(SplStrings.evalField(s.field().get(), s.span()), s.caseSensitive()));
        }
        return Optional.empty();
    }

    /** A string test rendered with {@code match()} (not a number or cased-literal equality). */
    private boolean isPatternTest(StringMatch node) {
        return !isNumberEquality(node) && !isCasedLiteralEquality(node);
    }

    private boolean isNumberEquality(StringMatch node) {
        return node.isPlain() && node.op() == StrOp.EQUALS
                && rule.typeOf(node.field().orElseThrow()) == FieldType.NUMBER
                && INTEGER.matcher(node.pattern().plainText()).matches();
    }

    private static boolean isCasedLiteralEquality(StringMatch node) {
        return node.isPlain() && node.op() == StrOp.EQUALS && node.caseSensitive()
                && SplStrings.isLiteralSafe(node.pattern().plainText());
    }

    /** A field and case sensitivity whose pattern tests can share one {@code match()}. */
    private record PatternKey(String field, boolean caseSensitive) {
        String match(List<String> bodies) {
            return "match(" + field + ", " + SplStrings.quote(SplRegex.prefix(caseSensitive)
                    + String.join("|", bodies)) + ")";
        }

        List<String> negated(List<String> bodies) {
            return List.of("isnull(" + field + ")", "NOT " + match(bodies));
        }
    }

    /** {@code [guard, NOT test]} for a negated value test; both are atoms for an OR. */
    private List<String> negated(Expr leaf) {
        Test t = positive(leaf);
        return List.of(t.nullGuard(), "NOT " + (t.comparison() ? "(" + t.text() + ")" : t.text()));
    }

    private Test positive(Expr leaf) {
        return leaf.accept(new Positive());
    }

    /**
     * A positive value test, the test that is true exactly when it cannot be evaluated, and whether the text
     * needs parentheses after {@code NOT} (a bare comparison does; a function call or a group does not).
     */
    private record Test(String text, String nullGuard, boolean comparison) {}

    private final class Positive implements LeafVisitor<Test> {
        @Override
        public Test visitString(StringMatch node) {
            String name = node.field().orElseThrow(() -> SplSearchable.keyword(node));
            String f = SplStrings.evalField(name, node.span());
            if (isNumberEquality(node)) {
                String n = new BigInteger(node.pattern().plainText()).toString();
                return new Test("tonumber(" + f + ")==" + n, "isnull(tonumber(" + f + "))", true);
            }
            if (isCasedLiteralEquality(node)) {
                return new Test(f + "==" + SplStrings.quote(node.pattern().plainText()), isnull(f), true);
            }
            return match(f, SplRegex.ofPattern(node));
        }

        @Override
        public Test visitRegex(RegexMatch node) {
            return match(SplStrings.evalField(node.field(), node.span()), SplRegex.of(node));
        }

        @Override
        public Test visitCidr(CidrMatch node) {
            String f = SplStrings.evalField(node.field(), node.span());
            return new Test("cidrmatch(" + SplStrings.quote(node.cidr().text()) + ", " + f + ")", isnull(f), false);
        }

        @Override
        public Test visitNumber(NumberMatch node) {
            String f = SplStrings.evalField(node.field(), node.span());
            if (node.op() == CompareOp.EQ && rule.typeOf(node.field()) == FieldType.STRING) {
                return new Test(f + "==" + SplStrings.quote(node.text()), isnull(f), true);
            }
            return new Test("tonumber(" + f + ")" + node.op().symbol() + node.text(), "isnull(tonumber(" + f + "))",
                    true);
        }

        @Override
        public Test visitBool(BoolMatch node) {
            String f = SplStrings.evalField(node.field(), node.span());
            return new Test("lower(" + f + ")==" + SplStrings.quote(Boolean.toString(node.value())), isnull(f), true);
        }

        @Override
        public Test visitNull(NullMatch node) {
            String f = SplStrings.evalField(node.field(), node.span());
            return new Test(isnull(f), "false()", false);
        }

        /** See {@link SplFieldRef}; a negated reference holds when either field is missing. */
        @Override
        public Test visitFieldRef(FieldRefMatch node) {
            String f = SplStrings.evalField(node.field(), node.span());
            String g = SplStrings.evalField(node.otherField(), node.span());
            return new Test(SplFieldRef.test(node, f, g), isnull(f) + " OR " + isnull(g), SplFieldRef.isComparison(node));
        }

        @Override
        public Test visitTimePart(TimePartMatch node) {
            if (rule.typeOf(node.field()) != FieldType.NUMBER && rule.typeOf(node.field()) != FieldType.DATETIME) {
                throw new SigcException("unsupported-construct", node.span(), "spl: the " + node.unit().modifier()
                        + " modifier needs a time stamp in epoch seconds such as _time, but '"
                        + SplStrings.printable(node.field()) + "' is not numeric in this pipeline's schema");
            }
            String t = SplStrings.evalField(node.field(), node.span());
            String prefix = timePrefixes.computeIfAbsent(node.field(),
                    k -> "_sigc_" + (timePrefixes.isEmpty() ? "" : "t" + (timePrefixes.size() + 1) + "_"));
            SplTime.Test test = SplTime.test(node, t, prefix, helpers);
            return new Test(test.text(), "isnull(tonumber(" + t + "))", test.comparison());
        }

        @Override
        public Test visitExists(ExistsMatch node) {
            String f = SplStrings.evalField(node.field(), node.span());
            return new Test(node.exists() ? "isnotnull(" + f + ")" : isnull(f), "false()", false);
        }

        private Test match(String f, String regex) {
            return new Test("match(" + f + ", " + SplStrings.quote(regex) + ")", isnull(f), false);
        }

        private String isnull(String f) {
            return "isnull(" + f + ")";
        }
    }
}
