package dev.sigc.compile;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.ast.TimeUnit;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.condition.ConditionParser;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.rule.ConditionText;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.DetectionNode;
import dev.sigc.rule.SigmaFilter;
import dev.sigc.rule.SigmaRule;
import dev.sigc.rule.SigmaValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a rule's detection section into one {@link Expr} in Sigma field names: modifiers applied,
 * values typed, the condition parsed. Knows nothing of any target. Stateless and thread-safe.
 */
public final class RuleCompiler {

    public CompiledRule compile(SigmaRule rule) {
        Map<String, Span> fieldSpans = new LinkedHashMap<>();
        Map<String, Expr> identifiers = new LinkedHashMap<>();
        for (Map.Entry<String, DetectionNode> e : rule.detection().identifiers().entrySet()) {
            identifiers.put(e.getKey(), node(e.getValue(), fieldSpans));
        }
        List<Expr> conditions = new ArrayList<>();
        for (ConditionText c : rule.detection().conditions()) {
            conditions.add(ConditionParser.parse(c, identifiers));
        }
        Expr condition = Exprs.or(conditions, rule.detection().conditions().get(0).span());
        return new CompiledRule(rule, condition, fieldSpans);
    }

    private Expr node(DetectionNode node, Map<String, Span> fieldSpans) {
        if (node instanceof DetectionNode.AllOf all) {
            List<Expr> terms = new ArrayList<>();
            for (DetectionItem item : all.items()) {
                terms.add(item(item, fieldSpans));
            }
            return Exprs.and(terms, all.span());
        }
        DetectionNode.AnyOf any = (DetectionNode.AnyOf) node;
        List<Expr> terms = new ArrayList<>();
        for (DetectionNode n : any.elements()) {
            terms.add(node(n, fieldSpans));
        }
        return Exprs.or(terms, any.span());
    }

    /** Compiles a meta-filter's detection into the expression it ANDs to the rules it names. */
    public CompiledFilter compile(SigmaFilter filter) {
        Map<String, Span> fieldSpans = new LinkedHashMap<>();
        Map<String, Expr> identifiers = new LinkedHashMap<>();
        for (Map.Entry<String, DetectionNode> e : filter.detection().identifiers().entrySet()) {
            identifiers.put(e.getKey(), node(e.getValue(), fieldSpans));
        }
        List<Expr> conditions = new ArrayList<>();
        for (ConditionText c : filter.detection().conditions()) {
            conditions.add(ConditionParser.parse(c, identifiers));
        }
        return new CompiledFilter(filter, Exprs.or(conditions, filter.detection().conditions().get(0).span()), fieldSpans);
    }

    /** Compiles one detection item on its own, e.g. a condition a pipeline adds. */
    public Expr item(DetectionItem item) {
        return item(item, new LinkedHashMap<>());
    }

    private Expr item(DetectionItem item, Map<String, Span> fieldSpans) {
        Modifiers mods = Modifiers.of(item.modifiers());
        item.field().ifPresent(f -> fieldSpans.putIfAbsent(f, item.span()));
        if (mods.all() && item.values().size() < 2) {
            throw new SigcException("bad-modifier", modifierSpan(item, "all"),
                    "'all' needs a list of two or more values; with one value, drop it");
        }
        if (item.field().isEmpty() && (mods.regex() || mods.cidr() || mods.exists() || mods.fieldref()
                || mods.compare().isPresent() || mods.timePart().isPresent() || mods.neq())) {
            throw new SigcException("bad-modifier", item.modifiers().isEmpty() ? item.span() : item.modifiers().get(0).span(),
                    "keywords (values without a field) take only string modifiers; give a field name");
        }
        if (mods.exists()) {
            return exists(item);
        }
        List<Expr> terms = new ArrayList<>();
        for (SigmaValue v : item.values()) {
            terms.addAll(value(item, mods, v));
        }
        Span span = item.span();
        Expr combined = mods.all() ? Exprs.and(terms, span) : Exprs.or(terms, span);
        return mods.neq() ? Exprs.not(combined, span) : combined;
    }

    private Expr exists(DetectionItem item) {
        String field = item.field().orElseThrow();
        if (item.values().size() != 1 || !(item.values().get(0) instanceof SigmaValue.Bool b)) {
            throw new SigcException("bad-value", item.values().get(0).span(),
                    "'" + field + "|exists' takes true or false");
        }
        return new ExistsMatch(field, b.value(), b.span());
    }

    /** One value of an item; several expressions when windash or base64offset spell it several ways. */
    private List<Expr> value(DetectionItem item, Modifiers mods, SigmaValue v) {
        Optional<String> field = item.field();
        if (v instanceof SigmaValue.Null n) {
            if (field.isEmpty() || mods.stringOnly() || mods.regex() || mods.cidr() || mods.fieldref()
                    || mods.compare().isPresent() || mods.timePart().isPresent()) {
                throw new SigcException("bad-value", n.span(), "null can only be compared as 'field: null' (or 'field|neq: null')");
            }
            return List.of(new NullMatch(field.get(), n.span()));
        }
        if (mods.timePart().isPresent()) {
            return List.of(timePart(field.orElseThrow(), mods, v));
        }
        if (mods.compare().isPresent()) {
            if (!(v instanceof SigmaValue.Num num)) {
                throw new SigcException("bad-value", v.span(), "'" + mods.compare().get().name().toLowerCase(java.util.Locale.ROOT)
                        + "' compares numbers; " + v.describe() + " is not a number (write it unquoted)");
            }
            return List.of(new NumberMatch(field.orElseThrow(), mods.compare().get(), num.value(), num.span()));
        }
        if (v instanceof SigmaValue.Bool b && field.isPresent() && !mods.stringOnly() && !mods.regex() && !mods.cidr()
                && !mods.fieldref()) {
            return List.of(new BoolMatch(field.get(), b.value(), b.span()));
        }
        if (v instanceof SigmaValue.Num num && field.isPresent() && !mods.stringOnly() && !mods.regex() && !mods.cidr()
                && !mods.fieldref()) {
            return List.of(new NumberMatch(field.get(), CompareOp.EQ, num.value(), num.span()));
        }
        String text = textOf(v);
        if (mods.fieldref()) {
            if (!(v instanceof SigmaValue.Str) || text.isEmpty()) {
                throw new SigcException("bad-value", v.span(), "'fieldref' takes the name of another field");
            }
            String anchor = mods.anchor().map(m -> m.name()).orElse("");
            StrOp op = StrOp.of(!anchor.equals("contains") && !anchor.equals("endswith"),
                    !anchor.equals("contains") && !anchor.equals("startswith"));
            return List.of(new FieldRefMatch(field.orElseThrow(), op, text, mods.cased(), v.span()));
        }
        if (mods.regex()) {
            return List.of(regex(field.orElseThrow(), text, mods, v.span()));
        }
        if (mods.cidr()) {
            Cidr cidr = Cidr.parse(text).orElseThrow(() -> new SigcException("bad-cidr", v.span(),
                    "'" + text + "' is not a network in CIDR notation (e.g. 10.0.0.0/8 or fd00::/8)"));
            return List.of(new CidrMatch(field.orElseThrow(), cidr, v.span()));
        }
        List<SigmaString> variants;
        if (!mods.encodings().isEmpty()) {
            SigmaString parsed = SigmaString.parse(text);
            if (!parsed.isPlain()) {
                throw new SigcException("bad-value", v.span(), "a value with wildcards cannot be encoded ("
                        + mods.encodings().get(0).name() + "); escape a literal * or ? with a backslash");
            }
            variants = Encodings.apply(parsed.plainText(), mods.encodings()).stream().map(SigmaString::literal).toList();
        } else {
            SigmaString parsed = mods.expand() ? SigmaString.parseExpanding(text) : SigmaString.parse(text);
            variants = mods.windash() ? Windash.expand(parsed, v.span()) : List.of(parsed);
        }
        List<Expr> out = new ArrayList<>(variants.size());
        String anchor = mods.anchor().map(m -> m.name()).orElse(field.isEmpty() ? "contains" : "");
        for (SigmaString s : variants) {
            out.add(StringMatch.fold(field, !anchor.equals("contains") && !anchor.equals("endswith"),
                    !anchor.equals("contains") && !anchor.equals("startswith"), s, mods.cased(), v.span()));
        }
        return out;
    }

    private static Expr timePart(String field, Modifiers mods, SigmaValue v) {
        TimeUnit unit = mods.timePart().orElseThrow();
        if (!(v instanceof SigmaValue.Num num) || num.value().stripTrailingZeros().scale() > 0
                || num.value().compareTo(java.math.BigDecimal.valueOf(unit.min())) < 0
                || num.value().compareTo(java.math.BigDecimal.valueOf(unit.max())) > 0) {
            throw new SigcException("bad-value", v.span(), "'" + unit.modifier() + "' takes a whole number from "
                    + unit.min() + " to " + unit.max() + ", not " + v.describe());
        }
        return new TimePartMatch(field, unit, mods.compare().orElse(CompareOp.EQ), num.value().intValueExact(), v.span());
    }

    private static String textOf(SigmaValue v) {
        if (v instanceof SigmaValue.Str s) {
            return s.raw();
        }
        if (v instanceof SigmaValue.Num num) {
            return num.value().toPlainString();
        }
        if (v instanceof SigmaValue.Bool b) {
            return Boolean.toString(b.value());
        }
        throw new IllegalStateException("null has no text");
    }

    private static Expr regex(String field, String pattern, Modifiers mods, Span span) {
        int flags = 0;
        flags |= mods.regexFlags().contains(RegexFlag.IGNORE_CASE) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        flags |= mods.regexFlags().contains(RegexFlag.MULTILINE) ? Pattern.MULTILINE : 0;
        flags |= mods.regexFlags().contains(RegexFlag.DOTALL) ? Pattern.DOTALL : 0;
        try {
            Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            throw new SigcException("bad-regex", span, "invalid regular expression: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
        return new RegexMatch(field, pattern, mods.regexFlags(), span);
    }

    private static Span modifierSpan(DetectionItem item, String name) {
        return item.modifiers().stream().filter(m -> m.name().equals(name)).findFirst().map(m -> m.span())
                .orElse(item.span());
    }
}
