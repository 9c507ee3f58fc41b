package dev.sigc.backend.spl;

import dev.sigc.ast.And;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.LeafWalker;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.eval.Evaluator;
import dev.sigc.eval.Json;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a condition can be said exactly in a {@code tstats} where clause over an accelerated data model, and
 * the error at the first construct that cannot. Returns nothing; throws.
 *
 * <p>What the where clause is. It filters on the data model's indexed fields with the search command's terms:
 * {@code F="v"} with {@code *} as a wildcard, {@code F IN (...)}, {@code AND}/{@code OR}/{@code NOT}
 * (Search Reference, tstats: "Filtering data using the WHERE clause"). There is no eval expression in it, and no
 * later stage can help, since {@code tstats} returns only its BY fields and aggregates. The values are matched
 * through the tsidx lexicon, which holds terms in lower case (the same reference: the text given to
 * {@code PREFIX()} "must be in lower case" and "will still match connectionType="): matching is
 * case-insensitive and cannot be made cased.
 *
 * <p>What is exact, then: string equality, prefix, suffix and substring tests (a {@code *} at either end),
 * value lists, integer equality, presence, booleans, and any AND/OR/NOT of them. What is not, and is an error:
 * <ul>
 *   <li>{@code cased}: the lexicon has no case;</li>
 *   <li>a wildcard inside a value ({@code a*b}, any {@code ?}), a literal {@code *}, a control character or a
 *       backtick: tstats has no one-character wildcard and no escape for {@code *}, and SPL strings none for
 *       control characters; a {@code *} inside a term is not promised to match across the characters that
 *       Splunk segments on (Search Manual, "Wildcards"), so sigc does not rely on it;</li>
 *   <li>regular expressions, field references, time parts and number comparisons ({@code gt} ...): eval
 *       functions and typed comparisons, which the where clause does not have;</li>
 *   <li>CIDR: tstats matches a CIDR term as a string and "may return more results than you want if the source
 *       data contains mixed IP and non-IP data" (Search Reference, tstats, "Limitations of CIDR matching");</li>
 *   <li>a test on a field the data model fills, where the fill could change the answer ({@link #checkFills}):
 *       the CIM writes {@code "unknown"} (numbers: {@code 0}) for a missing or empty value, so a test that is
 *       true of the fill value or of an empty value, or a presence test ({@code exists}, {@code null}), cannot
 *       tell a real value from a missing one. Fields the pipeline lists as {@code nullable} are left empty by the
 *       data model: for them only an empty value is in doubt, which the data model does not keep.</li>
 * </ul>
 */
final class SplTstatsCheck implements LeafWalker {
    private static final String TARGET = "spl (tstats over a data model)";
    /** What a CIM data model writes for a missing or empty string, and for a missing number. */
    private static final String FILL_STRING = "unknown";
    private static final String FILL_NUMBER = "0";

    private final MappedRule rule;
    private final Set<String> nullable;

    SplTstatsCheck(MappedRule rule, Set<String> nullable) {
        this.rule = rule;
        this.nullable = Set.copyOf(nullable);
    }

    @Override
    public Void visitString(StringMatch node) {
        String field = node.field().orElseThrow(() -> error(node, "keyword (field-less) search is not supported;"
                + " name the field (e.g. CommandLine|contains)"));
        field(field, node);
        if (node.caseSensitive()) {
            throw error(node, "the cased modifier cannot be expressed: tstats matches data model values through"
                    + " the lower-case lexicon, case-insensitively; use the spl-sysmon pipeline (the default) for"
                    + " case-sensitive matches");
        }
        if (!node.isPlain()) {
            throw error(node, "a wildcard inside a value (or ?) cannot be expressed in a tstats where clause, which"
                    + " has no one-character wildcard and no promise for * inside a term; split the value with"
                    + " contains|all, or use the spl-sysmon pipeline (the default)");
        }
        String text = node.pattern().plainText();
        if (text.indexOf('*') >= 0) {
            throw error(node, "a literal * cannot be written in a tstats where clause (it has no escape for *); use"
                    + " the spl-sysmon pipeline (the default)");
        }
        if (!SplStrings.isLiteralSafe(text)) {
            throw error(node, "the value holds a control character, backtick or lone surrogate ('"
                    + SplStrings.printable(text) + "'), which an SPL string cannot carry and tstats cannot match"
                    + " by regex; use the spl-sysmon pipeline (the default)");
        }
        return null;
    }

    @Override
    public Void visitRegex(RegexMatch node) {
        throw error(node, "a regular expression (re) cannot be expressed: the tstats where clause has no regex, and"
                + " tstats returns only its BY fields for a later stage to test; use the spl-sysmon pipeline (the"
                + " default)");
    }

    @Override
    public Void visitCidr(CidrMatch node) {
        throw error(node, "cidr cannot be expressed exactly: tstats matches a CIDR term as a string and may return"
                + " values that are not addresses (Splunk's tstats reference, limitations of CIDR matching); use the"
                + " spl-sysmon pipeline (the default)");
    }

    @Override
    public Void visitNumber(NumberMatch node) {
        field(node.field(), node);
        if (node.op() != CompareOp.EQ) {
            throw error(node, "the " + node.op().symbol() + " comparison cannot be expressed: the tstats where"
                    + " clause compares indexed values as text; use the spl-sysmon pipeline (the default)");
        }
        if (!node.isIntegral()) {
            throw error(node, "the number " + node.text() + " cannot be matched exactly: tstats compares indexed"
                    + " values as text, and a value equal in number may be written otherwise");
        }
        return null;
    }

    @Override
    public Void visitBool(BoolMatch node) {
        field(node.field(), node);
        return null;
    }

    @Override
    public Void visitNull(NullMatch node) {
        field(node.field(), node);
        return null;
    }

    @Override
    public Void visitExists(ExistsMatch node) {
        field(node.field(), node);
        return null;
    }

    @Override
    public Void visitFieldRef(FieldRefMatch node) {
        throw error(node, "fieldref cannot be expressed: the tstats where clause compares fields with values only;"
                + " use the spl-sysmon pipeline (the default)");
    }

    @Override
    public Void visitTimePart(TimePartMatch node) {
        throw error(node, "the " + node.unit().modifier() + " modifier cannot be expressed: the tstats where clause"
                + " has no eval functions; use the spl-sysmon pipeline (the default)");
    }

    private void field(String name, Expr node) {
        if (!SplTstats.isField(name)) {
            throw error(node, "field name '" + SplStrings.printable(name) + "' cannot be written in a tstats where"
                    + " clause (letters, digits, _ and dots, not a keyword); rename it in the pipeline");
        }
    }

    /**
     * Checks that filling missing values cannot change the answer. In an event where a filled field F is missing
     * or empty, Sigma sees no value (or "") and the data model sees "unknown" (or 0). A test on F answers the same
     * for both exactly when it is false of every fill value and of "" (then its negation is true for both); a
     * presence test never does. A nullable field is missing in the data model when it is empty in the event, so
     * only "" is in doubt there, and presence tests are exact. A test that fails this is still harmless under an AND that also holds a test on F
     * that is false for all of them (a guard): in such an event that AND is false for both. {@code nnf} is the
     * condition in negation normal form; {@code guarded} are the fields guarded by enclosing ANDs.
     */
    void checkFills(Expr nnf, Set<String> guarded) {
        if (nnf instanceof And a) {
            Set<String> inner = new HashSet<>(guarded);
            for (Expr t : a.terms()) {
                fieldOf(t).filter(f -> !(t instanceof ExistsMatch || t instanceof NullMatch) && unaffected(f, t))
                        .ifPresent(inner::add);
            }
            a.terms().forEach(t -> checkFills(t, inner));
        } else if (nnf instanceof Or o) {
            o.terms().forEach(t -> checkFills(t, guarded));
        } else {
            Expr leaf = nnf instanceof Not n ? n.term() : nnf;
            Optional<String> field = fieldOf(leaf);
            if (field.isEmpty() || guarded.contains(field.get())) {
                return;
            }
            String f = field.get();
            if ((leaf instanceof ExistsMatch || leaf instanceof NullMatch) && !nullable.contains(f)) {
                throw error(leaf, "exists/null cannot be expressed on " + f + ": the data model fills a missing value"
                        + " (with 'unknown' or 0), so the field is always present; use the spl-sysmon pipeline (the"
                        + " default)");
            }
            if (leaf instanceof ExistsMatch || leaf instanceof NullMatch) {
                return;
            }
            for (String v : fills(f)) {
                if (Evaluator.of(leaf).matches(new Json.Obj(Map.of(f, new Json.Str(v))))) {
                    throw error(leaf, "this test is true of " + (v.isEmpty() ? "an empty value" : "'" + v + "'")
                            + ", and the data model " + (nullable.contains(f) ? "keeps no empty value of " + f
                            : "writes '" + FILL_STRING + "' (numbers: " + FILL_NUMBER + ") for a missing or empty " + f)
                            + ", so the query cannot tell them apart; use the spl-sysmon pipeline (the default)");
                }
            }
        }
    }

    /** A positive value test that is false for every value the data model may hold for a missing or empty field. */
    private boolean unaffected(String field, Expr test) {
        Evaluator e = Evaluator.of(test);
        return fills(field).stream().noneMatch(v -> e.matches(new Json.Obj(Map.of(field, new Json.Str(v)))));
    }

    /** The values a data model may hold for a missing or empty field: none but "" itself when it is nullable. */
    private List<String> fills(String field) {
        if (nullable.contains(field)) {
            return List.of("");
        }
        return rule.typeOf(field) == FieldType.NUMBER ? List.of(FILL_STRING, "", FILL_NUMBER)
                : List.of(FILL_STRING, "");
    }

    private static Optional<String> fieldOf(Expr leaf) {
        if (leaf instanceof StringMatch s) {
            return s.field();
        }
        if (leaf instanceof NumberMatch n) {
            return Optional.of(n.field());
        }
        if (leaf instanceof BoolMatch b) {
            return Optional.of(b.field());
        }
        if (leaf instanceof ExistsMatch x) {
            return Optional.of(x.field());
        }
        if (leaf instanceof NullMatch x) {
            return Optional.of(x.field());
        }
        return Optional.empty();
    }

    private static SigcException error(Expr node, String message) {
        return new SigcException("unsupported-construct", node.span(), TARGET + ": " + message);
    }
}
