package dev.sigc.pipeline;

import dev.sigc.rule.DetectionItem;
import java.util.List;
import java.util.Map;

/**
 * What the pipelines of a target do to the events of one logsource: the field renames, in the order they
 * are applied (a field renamed to several names is under each of them), and the conditions they add (which
 * every event of that logsource meets on the target, e.g. Sysmon's {@code EventCode: 1}). Lets a rule test
 * carry a Sigma-named event over to the target's field names. {@code unfollowed} names the steps that changed
 * the rule in a way an event cannot be carried through (dropped items, rewritten values, keywords given
 * fields): a rule test on the target cannot be trusted then, and is refused.
 */
public record EventShape(List<Rename> renames, List<DetectionItem> addedConditions, List<String> unfollowed) {
    public EventShape {
        renames = List.copyOf(renames);
        addedConditions = List.copyOf(addedConditions);
        unfollowed = List.copyOf(unfollowed);
    }

    /** One rename step: the names a field has after it (the field itself when the step leaves it alone). */
    @FunctionalInterface
    public interface Rename {
        List<String> names(String field);
    }

    /** A shape of fixed rename maps (a field a map does not name keeps its name). */
    public static EventShape of(List<Map<String, List<String>>> renames, List<DetectionItem> addedConditions) {
        List<Rename> steps = renames.stream().map(m -> (Rename) f -> m.getOrDefault(f, List.of(f))).toList();
        return new EventShape(steps, addedConditions, List.of());
    }
}
