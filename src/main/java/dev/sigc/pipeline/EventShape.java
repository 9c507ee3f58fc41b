package dev.sigc.pipeline;

import dev.sigc.rule.DetectionItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipelines of a target do to the events of one logsource: the field renames, in the order they
 * are applied (a field mapped to several names is under each of them), and the conditions they add (which
 * every event of that logsource meets on the target, e.g. Sysmon's {@code EventCode: 1}). Lets a rule test
 * carry a Sigma-named event over to the target's field names.
 */
public record EventShape(List<Map<String, List<String>>> renames, List<DetectionItem> addedConditions) {
    public EventShape {
        renames = renames.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
        addedConditions = List.copyOf(addedConditions);
    }
}
