package dev.sigc.backend.eql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigc.TestRules;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Elasticsearch refuses these when the query runs, so sigc refuses them when it compiles. */
class EqlIpFieldTest {
    private final EqlBackend eql = new EqlBackend();

    @Test
    void anIpFieldTakesOnlyAnAddress() {
        var ok = TestRules.mapped(StringMatch.of("source.ip", StrOp.EQUALS, "10.1.2.3", false, Span.NONE),
                Map.of("category", "network"), Map.of("source.ip", FieldType.IP));
        assertEquals("network where source.ip == \"10.1.2.3\"", eql.render(ok).text());
        var dash = TestRules.mapped(StringMatch.of("source.ip", StrOp.EQUALS, "-", false, Span.NONE),
                Map.of("category", "network"), Map.of("source.ip", FieldType.IP));
        assertEquals("type-mismatch", assertThrows(SigcException.class, () -> eql.render(dash)).diagnostic().code());
    }

    @Test
    void cidrMatchNeedsAnIpField() {
        var keyword = TestRules.mapped(new CidrMatch("winlog.event_data.IpAddress", Cidr.parse("10.0.0.0/8").orElseThrow(),
                Span.NONE), Map.of("category", "any"), Map.of("winlog.event_data.IpAddress", FieldType.STRING));
        assertEquals("type-mismatch", assertThrows(SigcException.class, () -> eql.render(keyword)).diagnostic().code());
    }
}
