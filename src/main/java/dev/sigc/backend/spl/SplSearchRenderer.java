package dev.sigc.backend.spl;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.LeafVisitor;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.backend.BoolGrammar;
import dev.sigc.backend.InfixRenderer;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The search-command part of a query, for subtrees {@link SplSearchable} accepts. In SPL's search command
 * {@code OR} binds tighter than {@code AND}; parentheses are added by that rule, and around every mixed
 * nesting for readers used to the other one.
 */
final class SplSearchRenderer extends InfixRenderer {
    static final BoolGrammar SEARCH = new BoolGrammar("AND", "OR", "NOT ", 1, 2, true);
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final MappedRule rule;

    SplSearchRenderer(MappedRule rule) {
        super(SEARCH);
        this.rule = rule;
    }

    @Override
    protected String leaf(Expr leaf) {
        return leaf.accept(new Leaf());
    }

    /** Same-field equality tests of an Or become one {@code F IN (v1, v2)} at the first one's place. */
    @Override
    protected List<Object> groupOr(List<Expr> terms) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Expr t : terms) {
            listValue(t).ifPresent(v -> values.computeIfAbsent(fieldOf(t), k -> new ArrayList<>()).add(v));
        }
        List<Object> out = new ArrayList<>();
        Set<String> emitted = new HashSet<>();
        for (Expr t : terms) {
            List<String> group = listValue(t).isPresent() ? values.get(fieldOf(t)) : List.of();
            if (group.size() < 2) {
                out.add(t);
            } else if (emitted.add(fieldOf(t))) {
                out.add(fieldOf(t) + " IN (" + String.join(", ", group) + ")");
            }
        }
        return out;
    }

    /** The value token of a leaf that renders as {@code F=<value>}, for grouping into {@code IN}. */
    private Optional<String> listValue(Expr t) {
        if (t instanceof StringMatch s && !s.pattern().isEmpty()) {
            return Optional.of(stringValue(s));
        }
        if (t instanceof NumberMatch n && n.op() == CompareOp.EQ) {
            return Optional.of(numberValue(n));
        }
        return Optional.empty();
    }

    private static String fieldOf(Expr t) {
        return t instanceof StringMatch s ? s.field().orElseThrow() : ((NumberMatch) t).field();
    }

    private String stringValue(StringMatch node) {
        String field = node.field().orElseThrow();
        if (rule.typeOf(field) == FieldType.NUMBER && node.op() == StrOp.EQUALS && node.isPlain()
                && INTEGER.matcher(node.pattern().plainText()).matches()) {
            return new BigInteger(node.pattern().plainText()).toString();
        }
        String text = node.pattern().plainText(); // SplSearchable let only plain, literal-safe text through
        if (text.isEmpty() && node.op() != StrOp.EQUALS) {
            return "\"*\"";
        }
        return SplStrings.quote((node.op().anchoredStart() ? "" : "*") + text + (node.op().anchoredEnd() ? "" : "*"));
    }

    private String numberValue(NumberMatch node) {
        return rule.typeOf(node.field()) == FieldType.STRING ? SplStrings.quote(node.text()) : node.text();
    }

    private final class Leaf implements LeafVisitor<String> {
        @Override
        public String visitString(StringMatch node) {
            return node.field().orElseThrow() + "=" + stringValue(node);
        }

        @Override
        public String visitRegex(RegexMatch node) {
            throw new IllegalStateException("a regex is not searchable");
        }

        @Override
        public String visitCidr(CidrMatch node) {
            return node.field() + "=" + SplStrings.quote(node.cidr().text());
        }

        @Override
        public String visitNumber(NumberMatch node) {
            if (node.op() == CompareOp.EQ) {
                return node.field() + "=" + numberValue(node);
            }
            return node.field() + node.op().symbol() + node.text();
        }

        @Override
        public String visitBool(BoolMatch node) {
            return node.field() + "=" + SplStrings.quote(Boolean.toString(node.value()));
        }

        @Override
        public String visitNull(NullMatch node) {
            return "NOT " + node.field() + "=*";
        }

        @Override
        public String visitFieldRef(FieldRefMatch node) {
            throw new IllegalStateException("a field reference is not searchable");
        }

        @Override
        public String visitTimePart(TimePartMatch node) {
            throw new IllegalStateException("a time part is not searchable");
        }

        @Override
        public String visitExists(ExistsMatch node) {
            return (node.exists() ? "" : "NOT ") + node.field() + "=*";
        }
    }
}
