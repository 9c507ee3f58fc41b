package dev.sigc.rule;

import java.util.Set;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's YAML 1.1 resolver, answering for a plain scalar that starts with a letter without running a regex.
 * Such a scalar can only be a boolean (yes, No, TRUE, off, ...), a null (null, Null, NULL) or a string: the other
 * implicit types start with a digit, a sign, '.', '~', '<', '=', '!', '&', '*' or a space (SnakeYAML reads a lone
 * space as null), and those scalars still go to
 * SnakeYAML. Most of a rule's keys and values start with a letter, and resolving them was a tenth of reading one.
 * {@code PlainScalarResolverTest} checks every answer against SnakeYAML's own.
 */
final class PlainScalarResolver extends Resolver {
    private static final Set<String> BOOLEANS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
            "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> NULLS = Set.of("null", "Null", "NULL");
    private static final String OTHER_STARTS = "-+0123456789.~<=!&* ";

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind != NodeId.scalar || !implicit || value.isEmpty()) {
            return super.resolve(kind, value, implicit);
        }
        char first = value.charAt(0);
        if (first == '\0' || OTHER_STARTS.indexOf(first) >= 0) {
            return super.resolve(kind, value, implicit);
        }
        if (value.length() > 5) { // longer than "false", the longest boolean or null spelling
            return Tag.STR;
        }
        if (BOOLEANS.contains(value)) {
            return Tag.BOOL;
        }
        return NULLS.contains(value) ? Tag.NULL : Tag.STR;
    }
}
