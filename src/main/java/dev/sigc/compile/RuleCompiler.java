package dev.sigc.compile;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
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
        if (mods.exists()) {
            return exists(item);
        }
        if (item.field().isEmpty() && (mods.regex() || mods.cidr())) {
            throw new SigcException("bad-modifier", item.span(), "keywords take no 're' or 'cidr'; give a field name");
        }
        List<Expr> terms = new ArrayList<>();
        for (SigmaValue v : item.values()) {
            terms.addAll(value(item, mods, v));
        }
        Span span = item.span();
        return mods.all() ? Exprs.and(terms, span) : Exprs.or(terms, span);
    }

    private Expr exists(DetectionItem item) {
        String field = item.field().orElseThrow(() -> new SigcException("bad-modifier", item.span(),
                "'exists' needs a field name"));
        if (item.values().size() != 1 || !(item.values().get(0) instanceof SigmaValue.Bool b)) {
            throw new SigcException("bad-value", item.values().get(0).span(),
                    "'" + field + "|exists' takes true or false");
        }
        return new ExistsMatch(field, b.value(), b.span());
    }

    /** One value of an item; several expressions when windash expands it (ORed with the item's others). */
    private List<Expr> value(DetectionItem item, Modifiers mods, SigmaValue v) {
        Optional<String> field = item.field();
        if (v instanceof SigmaValue.Null n) {
            if (field.isEmpty() || mods.anchor().isPresent() || mods.regex() || mods.cidr() || mods.windash()) {
                throw new SigcException("bad-value", n.span(), "null can only be compared as 'field: null'");
            }
            return List.of(new NullMatch(field.get(), n.span()));
        }
        if (v instanceof SigmaValue.Bool b && field.isPresent() && onlyPlain(mods)) {
            return List.of(new BoolMatch(field.get(), b.value(), b.span()));
        }
        if (v instanceof SigmaValue.Num num && field.isPresent() && onlyPlain(mods)) {
            return List.of(new NumberMatch(field.get(), CompareOp.EQ, num.value(), num.span()));
        }
        String text = textOf(v);
        if (mods.regex()) {
            return List.of(regex(field.orElseThrow(), text, mods, v.span()));
        }
        if (mods.cidr()) {
            Cidr cidr = Cidr.parse(text).orElseThrow(() -> new SigcException("bad-cidr", v.span(),
                    "'" + text + "' is not a network in CIDR notation (e.g. 10.0.0.0/8 or fd00::/8)"));
            return List.of(new CidrMatch(field.orElseThrow(), cidr, v.span()));
        }
        SigmaString parsed = SigmaString.parse(text);
        List<SigmaString> variants = mods.windash() ? Windash.expand(parsed, v.span()) : List.of(parsed);
        List<Expr> out = new ArrayList<>(variants.size());
        for (SigmaString s : variants) {
            out.add(string(field, s, mods, v.span()));
        }
        return out;
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

    private static boolean onlyPlain(Modifiers mods) {
        return mods.anchor().isEmpty() && !mods.regex() && !mods.cidr() && !mods.windash() && !mods.cased();
    }

    private static Expr string(Optional<String> field, SigmaString value, Modifiers mods, Span span) {
        String anchor = mods.anchor().orElse(field.isEmpty() ? "contains" : "");
        SigmaString full = value;
        if (anchor.equals("contains") || anchor.equals("endswith")) {
            full = full.prepend(SigmaString.Wildcard.ANY_STRING);
        }
        if (anchor.equals("contains") || anchor.equals("startswith")) {
            full = full.append(SigmaString.Wildcard.ANY_STRING);
        }
        StrOp op = StrOp.of(!full.startsWithStar(), !full.endsWithStar());
        return new StringMatch(field, op, full.stripOuterStars(), mods.cased(), span);
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
