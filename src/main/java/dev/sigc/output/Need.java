package dev.sigc.output;

import dev.sigc.diag.SigcException;
import dev.sigc.rule.SigmaRule;
import java.util.regex.Pattern;

/** What a platform format needs from a rule's metadata, or an error at the rule that says which format needs it. */
final class Need {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Need() {}

    static String uuid(SigmaRule rule, String format) {
        String id = rule.id().orElseThrow(() -> new SigcException("format-needs-id", rule.span(),
                format + " needs the rule's 'id' (a UUID) to name the rule it writes"));
        if (!UUID.matcher(id).matches()) {
            throw new SigcException("format-needs-id", rule.spanOf("id"),
                    format + " needs the rule's 'id' to be a UUID, not '" + id + "'");
        }
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    static String level(SigmaRule rule, String format) {
        return rule.level().orElseThrow(() -> new SigcException("format-needs-level", rule.span(),
                format + " needs the rule's 'level' to set the severity"));
    }

    static <T> T mapped(java.util.Optional<T> value, SigmaRule rule, String key, String what, String format) {
        return value.orElseThrow(() -> new SigcException("format-unmapped", rule.spanOf(key),
                format + " has no " + what));
    }

    /** A platform limit on a value's length. */
    static String maxLength(String value, int max, SigmaRule rule, String key, String what, String format) {
        int n = value.codePointCount(0, value.length());
        if (n > max) {
            throw new SigcException("format-limit", rule.spanOf(key), what + " is " + n + " characters; " + format
                    + " allows at most " + max);
        }
        return value;
    }
}
