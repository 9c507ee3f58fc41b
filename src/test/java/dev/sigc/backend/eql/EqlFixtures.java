package dev.sigc.backend.eql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigc.TestRules;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small DSL for EQL backend tests: build leaves from Sigma spellings, render, compare. */
final class EqlFixtures {
    static final Span AT = new Span("rule.yml", 7, 9);

    private EqlFixtures() {}

    /** Case-insensitive match of a Sigma value; leading/trailing {@code *} fold into the op as the front end does. */
    static StringMatch ci(String field, String sigma) {
        return match(field, sigma, false);
    }

    static StringMatch cased(String field, String sigma) {
        return match(field, sigma, true);
    }

    static StringMatch match(String field, String sigma, boolean caseSensitive) {
        return match(Optional.of(field), sigma, caseSensitive);
    }

    static StringMatch match(Optional<String> field, String sigma, boolean caseSensitive) {
        SigmaString s = SigmaString.parse(sigma);
        StrOp op = StrOp.of(!s.startsWithStar(), !s.endsWithStar());
        return new StringMatch(field, op, s.stripOuterStars(), caseSensitive, AT);
    }

    /** A literal value (no wildcard parsing) with an explicit op. */
    static StringMatch literal(String field, StrOp op, String text, boolean caseSensitive) {
        return new StringMatch(Optional.of(field), op, SigmaString.literal(text), caseSensitive, AT);
    }

    static RegexMatch re(String field, String pattern, RegexFlag... flags) {
        EnumSet<RegexFlag> set = EnumSet.noneOf(RegexFlag.class);
        set.addAll(List.of(flags));
        return new RegexMatch(field, pattern, set, AT);
    }

    /** {@code field|fieldref[|op]: other}, case-insensitive unless {@code cased}. */
    static FieldRefMatch ref(String field, StrOp op, String other, boolean cased) {
        return new FieldRefMatch(field, op, other, cased, AT);
    }

    static Expr and(Expr... terms) {
        return Exprs.and(List.of(terms), AT);
    }

    static Expr or(Expr... terms) {
        return Exprs.or(List.of(terms), AT);
    }

    static Expr not(Expr term) {
        return Exprs.not(term, AT);
    }

    static String eql(Expr condition) {
        return eql(condition, Map.of());
    }

    static String eql(Expr condition, Map<String, FieldType> types) {
        return new EqlBackend().render(TestRules.mapped(condition, Map.of("category", "process"), types)).text();
    }

    /** The condition part only (after {@code process where }). */
    static String cond(Expr condition) {
        return cond(condition, Map.of());
    }

    static String cond(Expr condition, Map<String, FieldType> types) {
        String q = eql(condition, types);
        assertEquals("process where ", q.substring(0, 14), q);
        return q.substring(14);
    }

    static SigcException fails(String code, Expr condition) {
        return fails(code, condition, Map.of());
    }

    static SigcException fails(String code, Expr condition, Map<String, FieldType> types) {
        SigcException e = assertThrows(SigcException.class, () -> eql(condition, types));
        assertEquals(code, e.diagnostic().code(), e.getMessage());
        assertEquals(AT, e.diagnostic().span());
        return e;
    }

    /** The regex part of {@code F regex "..."} / {@code regex~}, unquoted as EQL would. */
    static String regexOf(Expr condition) {
        String c = cond(condition);
        int q = c.indexOf('"');
        return EqlUnquote.unquote(c.substring(q));
    }
}
