package dev.sigc.backend.spl;

import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.backend.Unsupported;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.LeafVisitor;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.backend.BoolGrammar;
import dev.sigc.backend.InfixRenderer;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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
 */
final class SplEvalRenderer extends InfixRenderer {
    static final BoolGrammar EVAL = new BoolGrammar("AND", "OR", "NOT ", 2, 1, true);
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final MappedRule rule;

    SplEvalRenderer(MappedRule rule) {
        super(EVAL);
        this.rule = rule;
    }

    /** Renders any condition (its negation normal form, with negated tests guarded). */
    String renderCondition(Expr condition) {
        Expr nnf = SplNegation.nnf(condition, false);
        return nnf instanceof Not n ? String.join(" OR ", negated(n.term())) : render(nnf);
    }

    @Override
    protected String leaf(Expr leaf) {
        return positive(leaf).text();
    }

    @Override
    protected List<Object> groupAnd(List<Expr> terms) {
        List<Object> out = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            out.add(t instanceof Not n ? "(" + String.join(" OR ", negated(n.term())) + ")" : t);
        }
        return out;
    }

    @Override
    protected List<Object> groupOr(List<Expr> terms) {
        List<Object> out = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            if (t instanceof Not n) {
                out.addAll(negated(n.term()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code [guard, NOT test]} for a negated value test; both are atoms for an OR. */
    private List<String> negated(Expr leaf) {
        Test t = positive(leaf);
        return List.of(t.nullGuard(), "NOT " + (t.comparison() ? "(" + t.text() + ")" : t.text()));
    }

    private Test positive(Expr leaf) {
        return leaf.accept(new Positive());
    }

    /** A positive value test, the test that is true exactly when it cannot be evaluated, and its shape. */
    private record Test(String text, String nullGuard, boolean comparison) {}

    private final class Positive implements LeafVisitor<Test> {



        @Override
        public Test visitString(StringMatch node) {
            String name = node.field().orElseThrow(() -> SplSearchable.keyword(node));
            String f = SplStrings.evalField(name, node.span());
            if (node.isPlain() && node.op() == StrOp.EQUALS && rule.typeOf(name) == FieldType.NUMBER
                    && INTEGER.matcher(node.pattern().plainText()).matches()) {
                String n = new BigInteger(node.pattern().plainText()).toString();
                return new Test("tonumber(" + f + ")==" + n, "isnull(tonumber(" + f + "))", true);
            }
            if (node.isPlain() && node.op() == StrOp.EQUALS && node.caseSensitive()
                    && SplStrings.isLiteralSafe(node.pattern().plainText())) {
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

        @Override
        public Test visitFieldRef(FieldRefMatch node) {
            throw Unsupported.of("spl", node, "a field reference (fieldref)");
        }

        @Override
        public Test visitTimePart(TimePartMatch node) {
            throw Unsupported.of("spl", node, "a time-part comparison (" + node.unit().modifier() + ")");
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
