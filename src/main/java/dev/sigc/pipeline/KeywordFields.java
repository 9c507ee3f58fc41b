package dev.sigc.pipeline;

import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keyword_fields}: each keyword (a string match without a field) becomes the same match on each of the
 * step's fields, an OR when there are several. After it, the keyword is an ordinary field match, renamed and
 * checked against the schema like any other. A keyword whose literal text holds a forbidden character is an
 * error (wildcards are not text).
 */
final class KeywordFields extends ExprRewriter {
    private final Transformation.KeywordFields step;
    private final String what;

    KeywordFields(Transformation.KeywordFields step, String what) {
        this.step = step;
        this.what = what;
    }

    @Override
    public Expr visitString(StringMatch node) {
        if (node.field().isPresent()) {
            return node;
        }
        for (SigmaString.Part p : node.pattern().parts()) {
            if (p instanceof SigmaString.Text t) {
                for (int i = 0; i < t.text().length(); i++) {
                    char c = t.text().charAt(i);
                    if (step.forbidChars().indexOf(c) >= 0) {
                        throw new SigcException("forbidden-keyword", node.span(), what + " forbids '" + c
                                + "' in keywords" + (step.message().isEmpty() ? "" : " (" + step.message() + ")")
                                + ", and keyword '" + node.pattern().toSigma() + "' holds it; match a field instead");
                    }
                }
            }
        }
        List<Expr> out = new ArrayList<>(step.fieldNames().size());
        for (String f : step.fieldNames()) {
            out.add(node.withField(f));
        }
        return Exprs.or(out, node.span());
    }
}
