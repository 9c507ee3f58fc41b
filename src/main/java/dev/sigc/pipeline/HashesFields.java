package dev.sigc.pipeline;

import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * {@code hashes_fields}: a value of Sysmon's {@code Hashes} (or {@code Hash}) list, {@code ALGO=hex}, becomes a
 * match of the hex on the field that holds that algorithm's hash on the target (an OR when the step names
 * several).
 *
 * <p>Sysmon writes {@code SHA1=..,MD5=..,SHA256=..,IMPHASH=..}: the algorithms its configuration asks for, each
 * hex whole (its length is fixed by the algorithm), separated by commas. So a value with one algorithm name and
 * a hex of that algorithm's full length says "the file's ALGO hash is hex", whichever of contains, equals,
 * startswith or endswith the rule uses: the text ends where the hex does, at a comma or the end; the value's
 * place in the list only reflects which algorithms the configuration logs, not the file. The target query
 * therefore matches every event the rule matches on Sysmon's text (and also events logged with a different
 * set of algorithms). Anything else is an error at the value: a wildcard inside, a placeholder, no or an
 * unknown algorithm name, a hex of the wrong length (a prefix of a hash is not the hash), several hashes in
 * one value, an all-zero hex (Sysmon's "not computed", which the Elastic integration drops), an algorithm the
 * step maps to no field, and matches other than strings (regular expressions,
 * exists, null, field references) on a chosen field.
 *
 * <p>Hex digits name the same hash in either case, so the hex is written in lower case (as the Elastic
 * integration stores hashes and Defender shows them) and compared ignoring case.
 */
final class HashesFields extends ExprRewriter {
    /** The algorithms Sysmon logs, with the length of their hex. */
    static final Map<String, Integer> LENGTHS = Map.of("MD5", 32, "SHA1", 40, "SHA256", 64, "IMPHASH", 32);

    private final Transformation.HashesFields step;
    private final Predicate<Expr> chosen;
    private final String what;
    private final BiConsumer<String, String> renamed;

    /** {@code renamed} is told each (Sigma field, new field) pair, for messages. */
    HashesFields(Transformation.HashesFields step, Predicate<Expr> chosen, String what,
                 BiConsumer<String, String> renamed) {
        this.step = step;
        this.chosen = chosen;
        this.what = what;
        this.renamed = renamed;
    }

    @Override
    public Expr visitString(StringMatch node) {
        if (node.field().isEmpty() || !chosen.test(node)) {
            return node;
        }
        String field = node.field().get();
        if (!node.pattern().isPlain()) {
            throw error(node, "value '" + shown(node) + "' of " + field + " has a wildcard or placeholder inside; "
                    + "write one whole 'ALGO=hex' value");
        }
        String text = node.pattern().plainText();
        int eq = text.indexOf('=');
        if (!isHashValue(text, eq)) {
            throw error(node, "value '" + shown(node) + "' of " + field + " is not one 'ALGO=hex' hash (ALGO one of "
                    + String.join(", ", new java.util.TreeSet<>(LENGTHS.keySet())) + ")"
                    + (text.indexOf(',') >= 0 ? "; write each hash as a value of its own" : ""));
        }
        String algo = text.substring(0, eq).toUpperCase(Locale.ROOT);
        String hex = text.substring(eq + 1);
        Integer length = LENGTHS.get(algo);
        if (length == null) {
            throw error(node, "value '" + shown(node) + "' of " + field + " names "
                    + (algo.isEmpty() ? "no algorithm" : "unknown algorithm '" + text.substring(0, eq) + "'") + "; Sysmon logs "
                    + String.join(", ", new java.util.TreeSet<>(LENGTHS.keySet())));
        }
        if (hex.length() != length) {
            throw error(node, "value '" + shown(node) + "' of " + field + " has " + hex.length() + " hex digits, but a whole "
                    + algo + " hash has " + length + "; only a whole hash can be matched on the target's " + algo
                    + " field");
        }
        if (hex.chars().allMatch(c -> c == '0')) {
            throw error(node, "value '" + shown(node) + "' of " + field + " is all zeros, which Sysmon writes when it could "
                    + "not compute the hash (e.g. no imphash for a file that is not a PE image); it names no file, and "
                    + "targets that split the list drop such values, so it cannot be matched there");
        }
        List<String> targets = step.algorithms().get(algo);
        if (targets == null) {
            throw error(node, "value '" + shown(node) + "' of " + field + " is an " + algo + " hash, and this step maps no "
                    + "field for " + algo + (step.message().isEmpty() ? "" : " (" + step.message() + ")")
                    + "; mapped: " + String.join(", ", step.algorithms().keySet()));
        }
        String lower = hex.toLowerCase(Locale.ROOT);
        List<Expr> out = new ArrayList<>(targets.size());
        for (String target : targets) {
            renamed.accept(field, target);
            out.add(StringMatch.of(target, StrOp.EQUALS, lower, false, node.span()));
        }
        return Exprs.or(out, node.span());
    }

    /** The value as the rule wrote it, for messages. */
    private static String shown(StringMatch node) {
        return StringValues.spell(StringValues.whole(node));
    }

    /**
     * {@code ALGO=hex} with the first {@code =} at {@code eq}: ASCII letters and digits before it (maybe none),
     * hex digits after it (maybe none).
     */
    static boolean isHashValue(String text, int eq) {
        if (eq < 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean ok = i < eq ? digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    : i == eq || digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Expr leaf(Expr node) {
        List<String> fields = Leaves.fields(node);
        if (!fields.isEmpty() && chosen.test(node)) {
            throw error(node, "only string values 'ALGO=hex' of " + String.join(", ", fields) + " can become hash "
                    + "fields, not " + kind(node));
        }
        return node;
    }

    private static String kind(Expr node) {
        if (node instanceof dev.sigc.ast.RegexMatch) {
            return "a regular expression";
        }
        if (node instanceof dev.sigc.ast.ExistsMatch) {
            return "an exists test";
        }
        if (node instanceof dev.sigc.ast.NullMatch) {
            return "a null test";
        }
        if (node instanceof dev.sigc.ast.FieldRefMatch) {
            return "a field reference";
        }
        return "a number, boolean, network or time match";
    }

    private SigcException error(Expr node, String message) {
        return new SigcException("pipeline-value", node.span(), what + ": " + message);
    }
}
