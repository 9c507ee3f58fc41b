package dev.sigc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kusto.Language refuses a flat chain of ~600 'or' terms (KS245); sigc writes groups of 64 instead. */
class KqlLongChainTest {
    @Test
    void aLongChainIsWrittenAsGroupsOfSixtyFour() {
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < 1090; i++) {
            terms.add(StringMatch.of("ProcessCommandLine", StrOp.CONTAINS, "pkg-" + i + "@1.0", false, Span.NONE));
        }
        String where = new KqlBackend().renderCondition(TestRules.mapped(Exprs.or(terms, Span.NONE),
                Map.of("table", "DeviceProcessEvents"), Map.of("ProcessCommandLine", FieldType.STRING)));
        assertEquals(1090, where.split(" contains ", -1).length - 1, "every term is kept");
        assertEquals(18, where.split("\\(ProcessCommandLine", -1).length - 1, "ceil(1090 / 64) groups");
        assertTrue(where.startsWith("(ProcessCommandLine contains \"pkg-0@1.0\" or "), where.substring(0, 80));
        for (String group : where.split("\\) or \\(")) {
            assertTrue(group.split(" or ", -1).length <= 64, "a group has at most 64 terms");
        }
    }
}
