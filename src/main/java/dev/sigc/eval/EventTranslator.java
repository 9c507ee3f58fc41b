package dev.sigc.eval;

import dev.sigc.ast.SigmaString;
import dev.sigc.pipeline.EventShape;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.SigmaValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries an event in Sigma field names over to a target's field names, as the target's pipelines carry a
 * rule: so that a rule test can also run the pipeline-mapped rule, and mapping can be checked not to
 * change a rule's meaning.
 *
 * <ul>
 *   <li>Each rename step applies to the event's top-level members, where Sigma-named (Sysmon-style) events
 *       carry their fields: a member named like a mapped field moves to each of its target names. A field
 *       reached through a nested object is left as it is.</li>
 *   <li>When two members land on one name (two fields mapped to one target field, or a target name the
 *       event already had), the name holds an array of both values, since the event then has both. A
 *       mapping that does this changes what rules mean, and rule tests show it.</li>
 *   <li>A condition a pipeline adds (Sysmon's {@code EventCode: 1}, ECS {@code event.type: start}) holds for
 *       every event of the logsource on the target, so its field is set to its first value unless the event
 *       already has the field ({@code *} stands for nothing, {@code ?} for one {@code _}; a {@code null}
 *       value removes the field).</li>
 *   <li>Steps that change a rule's items or values ({@code drop_detection_item}, {@code replace_string},
 *       {@code map_string}, {@code hashes_fields}, {@code keyword_fields}) have no counterpart on events; {@link EventShape#unfollowed()}
 *       lists them and {@link RuleTestRunner} refuses to test a rule they changed on the target.</li>
 * </ul>
 */
public final class EventTranslator {
    private EventTranslator() {}

    public static Json.Obj translate(Json.Obj event, EventShape shape) {
        Map<String, Json> members = new LinkedHashMap<>(event.members());
        for (EventShape.Rename renames : shape.renames()) {
            members = rename(members, renames);
        }
        for (DetectionItem item : shape.addedConditions()) {
            if (item.field().isEmpty() || item.values().isEmpty()) {
                continue;
            }
            String field = item.field().get();
            SigmaValue v = item.values().get(0);
            if (v instanceof SigmaValue.Null) {
                members.remove(field);
            } else if (new Event(new Json.Obj(members)).values(field).isEmpty()) {
                members.put(field, constant(v));
            }
        }
        return new Json.Obj(members);
    }

    private static Map<String, Json> rename(Map<String, Json> members, EventShape.Rename renames) {
        Map<String, Json> out = new LinkedHashMap<>();
        for (Map.Entry<String, Json> m : members.entrySet()) {
            for (String name : renames.names(m.getKey())) {
                out.merge(name, m.getValue(), EventTranslator::both);
            }
        }
        return out;
    }

    private static Json both(Json a, Json b) {
        List<Json> all = new ArrayList<>();
        for (Json v : List.of(a, b)) {
            if (v instanceof Json.Arr arr) {
                all.addAll(arr.elements());
            } else {
                all.add(v);
            }
        }
        return new Json.Arr(all);
    }

    private static Json constant(SigmaValue v) {
        if (v instanceof SigmaValue.Num n) {
            return Json.Num.of(n.value());
        }
        if (v instanceof SigmaValue.Bool b) {
            return new Json.Bool(b.value());
        }
        StringBuilder sb = new StringBuilder();
        for (SigmaString.Part p : SigmaString.parse(((SigmaValue.Str) v).raw()).parts()) {
            if (p instanceof SigmaString.Text t) {
                sb.append(t.text());
            } else if (p == SigmaString.Wildcard.ANY_CHAR) {
                sb.append('_');
            }
        }
        return new Json.Str(sb.toString());
    }
}
