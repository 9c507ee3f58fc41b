package dev.sigc.check;

import dev.sigc.ast.SigmaString;
import dev.sigc.condition.ConditionParser;
import dev.sigc.condition.Reference;
import dev.sigc.rule.ConditionText;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.DetectionNode;
import dev.sigc.rule.Modifier;
import dev.sigc.rule.SigmaRule;
import dev.sigc.rule.SigmaValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of a rule's detection: identifiers the condition uses or misses, and values that want a modifier. */
final class DetectionChecks {
    private DetectionChecks() {}

    static List<Finding> run(SigmaRule rule) {
        List<Finding> out = new ArrayList<>();
        Optional<String> rid = rule.id();
        Set<String> names = rule.detection().identifiers().keySet();
        Set<String> used = new LinkedHashSet<>();
        for (ConditionText c : rule.detection().conditions()) {
            for (Reference r : ConditionParser.references(c)) {
                List<String> covered = r.matches(names);
                used.addAll(covered);
                if (covered.isEmpty() && !r.target().contains("*") && !r.isThem()) {
                    out.add(new Finding(Check.CONDITION_UNKNOWN_IDENTIFIER, r.span(), "condition names '" + r.target()
                            + "', which is not a search identifier of this rule; defined: " + String.join(", ", names), rid));
                } else if (covered.isEmpty()) {
                    out.add(new Finding(Check.CONDITION_UNKNOWN_IDENTIFIER, r.span(), "'" + r.target()
                            + "' matches no search identifier of this rule; defined: " + String.join(", ", names), rid));
                } else if (r.quantifier().equals(Optional.of("all")) && covered.size() == 1) {
                    out.add(new Finding(Check.ALL_OF_ONE, r.span(), "'all of " + r.target() + "' covers only '"
                            + covered.get(0) + "'; write '" + covered.get(0) + "'", rid));
                }
            }
        }
        for (String name : names) {
            if (!used.contains(name)) {
                out.add(new Finding(Check.DETECTION_UNUSED, rule.spanOf("detection." + name), "search identifier '" + name
                        + "' is never used by the condition", rid));
            }
        }
        rule.detection().identifiers().values().forEach(n -> items(n, out, rid));
        return out;
    }

    private static void items(DetectionNode node, List<Finding> out, Optional<String> rid) {
        if (node instanceof DetectionNode.AnyOf any) {
            any.elements().forEach(e -> items(e, out, rid));
            return;
        }
        for (DetectionItem item : ((DetectionNode.AllOf) node).items()) {
            item(item, out, rid);
        }
    }

    private static void item(DetectionItem item, List<Finding> out, Optional<String> rid) {
        List<String> mods = item.modifiers().stream().map(Modifier::name).toList();
        String key = item.field().orElse("keywords") + (mods.isEmpty() ? "" : "|" + String.join("|", mods));
        if (mods.contains("all") && !mods.contains("contains") && !mods.contains("re") && !mods.contains("cidr")) {
            out.add(new Finding(Check.ALL_WITHOUT_CONTAINS, item.span(), "'" + key + "': 'all' without 'contains' needs "
                    + "the value to match every item of the list at once; did you mean '" + item.field().orElse("")
                    + "|contains|all'?", rid));
        }
        boolean anchored = mods.contains("contains") || mods.contains("startswith") || mods.contains("endswith");
        if (item.field().isEmpty() || anchored || mods.contains("re") || mods.contains("cidr") || mods.contains("exists")
                || item.values().isEmpty() || !item.values().stream().allMatch(v -> v instanceof SigmaValue.Str)) {
            return;
        }
        String shape = null;
        for (SigmaValue v : item.values()) {
            String s = shape(SigmaString.parse(((SigmaValue.Str) v).raw()));
            if (s == null || (shape != null && !shape.equals(s))) {
                return;
            }
            shape = s;
        }
        String example = switch (shape) {
            case "contains" -> "'*text*'";
            case "startswith" -> "'text*'";
            default -> "'*text'";
        };
        out.add(new Finding(Check.WILDCARD_INSTEAD_OF_MODIFIER, item.span(), "'" + key + "': " + (item.values().size() > 1
                ? "every value looks like " : "the value looks like ") + example + "; write '" + key + "|" + shape
                + "' and drop the outer '*'", rid));
    }

    /** contains / startswith / endswith when the only wildcards are one leading and/or one trailing {@code *}. */
    private static String shape(SigmaString s) {
        boolean lead = s.startsWithStar();
        boolean trail = s.endsWithStar();
        SigmaString inner = s.stripOuterStars();
        if ((!lead && !trail) || inner.isEmpty() || !inner.isPlain()) {
            return null;
        }
        return lead && trail ? "contains" : lead ? "endswith" : "startswith";
    }
}
