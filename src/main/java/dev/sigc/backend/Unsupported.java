package dev.sigc.backend;

import dev.sigc.ast.Expr;
import dev.sigc.diag.SigcException;

/** The error for a construct a target cannot express exactly: named, positioned, never approximated. */
public final class Unsupported {
    private Unsupported() {}

    public static SigcException of(String target, Expr node, String construct) {
        return new SigcException("unsupported-construct", node.span(), target + ": " + construct
                + " is not supported by this target (see 'sigc list capabilities')");
    }
}
