package dev.sigc.backend.spl;

import dev.sigc.ast.And;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprVisitor;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.diag.SigcException;

/**
 * Whether a subtree can be written exactly in the search command's syntax. The search command compares
 * field values case-insensitively, knows only the {@code *} wildcard (no one-character wildcard, and no way
 * to escape {@code *}), and has no regular expressions; a field must be writable bare.
 *
 * <p>A {@code *} is used only at the ends of a value ({@code "x*"}, {@code "*x"}, {@code "*x*"}). Splunk
 * documents that a wildcard in the middle of a term "might cause inconsistent results", especially around
 * punctuation, because the term is looked up by its indexed segments (Search Manual, "Wildcards" and "Event
 * segmentation and searching"); so a pattern with an inner wildcard is not searchable here, and
 * {@link SplPrefilter} narrows it with outer-wildcard terms for a {@code | where} stage to decide exactly.
 */
final class SplSearchable implements ExprVisitor<Boolean> {
    static final SplSearchable INSTANCE = new SplSearchable();

    private SplSearchable() {}

    static boolean test(Expr e) {
        return e.accept(INSTANCE);
    }

    /** A field-less string match: Splunk's term search matches indexed tokens, not substrings. */
    static SigcException keyword(StringMatch node) {
        return new SigcException("unsupported-keyword", node.span(), "spl: keyword (field-less) search is not"
                + " supported; Splunk matches bare terms against indexed tokens, not as substrings of the event,"
                + " so name the field (e.g. CommandLine|contains) instead");
    }

    @Override
    public Boolean visitAnd(And node) {
        return node.terms().stream().allMatch(SplSearchable::test);
    }

    @Override
    public Boolean visitOr(Or node) {
        return node.terms().stream().allMatch(SplSearchable::test);
    }

    @Override
    public Boolean visitNot(Not node) {
        return test(node.term());
    }

    @Override
    public Boolean visitString(StringMatch node) {
        String field = node.field().orElseThrow(() -> keyword(node));
        if (!SplStrings.isSearchField(field) || node.caseSensitive() || !node.isPlain()) {
            return false;
        }
        String text = node.pattern().plainText();
        return text.indexOf('*') < 0 && SplStrings.isLiteralSafe(text);
    }

    @Override
    public Boolean visitRegex(RegexMatch node) {
        return false;
    }

    @Override
    public Boolean visitCidr(CidrMatch node) {
        return SplStrings.isSearchField(node.field());
    }

    @Override
    public Boolean visitNumber(NumberMatch node) {
        return SplStrings.isSearchField(node.field());
    }

    @Override
    public Boolean visitBool(BoolMatch node) {
        return SplStrings.isSearchField(node.field());
    }

    @Override
    public Boolean visitNull(NullMatch node) {
        return SplStrings.isSearchField(node.field());
    }

    @Override
    public Boolean visitFieldRef(FieldRefMatch node) {
        return false;
    }

    @Override
    public Boolean visitTimePart(TimePartMatch node) {
        return false;
    }

    @Override
    public Boolean visitExists(ExistsMatch node) {
        return SplStrings.isSearchField(node.field());
    }
}
