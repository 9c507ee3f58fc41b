package dev.sigc.backend.spl;

import dev.sigc.ast.Expr;
import dev.sigc.backend.Query;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPL over an accelerated data model: the whole query is one {@code tstats} command,
 * {@code | tstats summariesonly=false fillnull_value="null" count min(_time) as firstTime max(_time) as lastTime
 * from datamodel=<DataModel.Dataset> where [nodename=<Dataset.Child> AND] <condition> by <fields>}. The backend
 * writes it when the pipeline sets the state key {@code datamodel} (see {@code pipelines/spl-cim.yml}).
 *
 * <p>The pipeline's state says the rest, each value a name checked here before it reaches the query:
 * <ul>
 *   <li>{@code datamodel}: {@code DataModel.RootDataset}, the argument of {@code from datamodel=};</li>
 *   <li>{@code nodename} (optional): a child dataset, {@code Root.Child}, selected with {@code nodename=};</li>
 *   <li>{@code by}: the fields a result row is grouped by, separated by spaces. It cannot be empty: without a
 *       BY clause {@code tstats count} returns one row with {@code count=0} when nothing matched, and an alert on
 *       "number of results &gt; 0" would fire on every run. {@code fillnull_value} keeps rows whose BY fields
 *       are missing, which tstats would otherwise drop (Search Reference, tstats);</li>
 *   <li>{@code nullable} (optional): fields the data model leaves empty when the event has no value. Every other
 *       field is taken to be filled by the data model, as the CIM does for most fields
 *       ({@code if(isnull(f) OR f="", "unknown", f)}, numbers {@code 0}); see {@link SplTstatsCheck};</li>
 *   <li>{@code summariesonly} (optional, default {@code false}): {@code true} reads only the acceleration
 *       summaries, faster but blind to events the summaries do not cover yet.</li>
 * </ul>
 * {@code allow_old_summaries} keeps its default, false, so that results always follow the current data model
 * definition.
 *
 * <p>The where clause is the search command's syntax over the data model's indexed fields, written by
 * {@link SplSearchRenderer} (OR binds tighter than AND there too), for conditions {@link SplTstatsCheck}
 * accepts as exact; anything else is an error, since no later stage can see a field the BY clause does not
 * carry.
 */
final class SplTstats {
    /** A data model, dataset or field name: dot-separated identifiers. */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");
    /**
     * Words tstats or the search language read as clause keywords or operators, and the search terms that are
     * directives rather than field tests (time range, index, server, event type and tag look-ups), which a field
     * passed through unmapped must not turn into.
     */
    static final Set<String> RESERVED = Set.of("and", "or", "not", "xor", "in", "term", "case", "by", "from",
            "where", "as", "span", "prefix", "groupby", "datamodel", "count", "index", "earliest", "latest",
            "_index_earliest", "_index_latest", "starttime", "endtime", "timeformat", "startdaysago", "enddaysago",
            "starthoursago", "endhoursago", "startminutesago", "endminutesago", "startmonthsago", "endmonthsago",
            "searchtimespandays", "searchtimespanhours", "searchtimespanminutes", "searchtimespanmonths",
            "splunk_server", "splunk_server_group", "eventtype", "tag");

    private SplTstats() {}

    static Query render(MappedRule rule, String datamodel) {
        Span at = rule.rule().logsource().span();
        String dm = name(datamodel, "datamodel", at);
        if (dm.indexOf('.') < 0) {
            throw new SigcException("bad-pipeline-state", at, "spl: the pipeline's datamodel '" + dm
                    + "' must name a data model and its root dataset, such as Endpoint.Processes");
        }
        Optional<String> node = rule.state("nodename").map(n -> name(n, "nodename", at));
        List<String> by = fields(rule.state("by").orElse(""), at);
        if (by.isEmpty()) {
            throw new SigcException("bad-pipeline-state", at, "spl: the pipeline sets datamodel " + dm + " but no 'by'"
                    + " fields; set_state 'by' to the fields a result row is grouped by (without them tstats returns"
                    + " a row with count=0 when nothing matches)");
        }
        String summariesOnly = rule.state("summariesonly").orElse("false");
        if (!summariesOnly.equals("true") && !summariesOnly.equals("false")) {
            throw new SigcException("bad-pipeline-state", at, "spl: the pipeline's summariesonly must be true or false,"
                    + " not '" + SplStrings.printable(summariesOnly) + "'");
        }
        Set<String> nullable = new LinkedHashSet<>(fields(rule.state("nullable").orElse(""), at));
        Expr condition = SplNegation.simplify(rule.condition());
        SplTstatsCheck check = new SplTstatsCheck(rule, nullable);
        condition.accept(check);
        check.checkFills(SplNegation.nnf(condition, false), Set.of());
        StringBuilder sb = new StringBuilder("| tstats summariesonly=").append(summariesOnly)
                .append(" fillnull_value=\"null\" count min(_time) as firstTime max(_time) as lastTime from datamodel=")
                .append(dm).append(" where ");
        node.ifPresent(n -> sb.append("nodename=").append(n).append(" AND "));
        String where = new SplSearchRenderer(rule).render(condition);
        // an OR at the top needs its own parentheses after "nodename=... AND", since OR binds tighter anyway but
        // readers expect SQL's precedence
        boolean topOr = condition instanceof dev.sigc.ast.Or && node.isPresent();
        sb.append(topOr ? "(" + where + ")" : where);
        sb.append(" by ").append(String.join(" ", by));
        return new Query(sb.toString());
    }

    /** A name from the pipeline's state, checked to be one the query can carry bare. */
    private static String name(String value, String key, Span at) {
        if (!DOTTED.matcher(value).matches() || RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            throw new SigcException("bad-pipeline-state", at, "spl: the pipeline's " + key + " '"
                    + SplStrings.printable(value) + "' is not a name tstats can take (letters, digits, _ and"
                    + " dots)");
        }
        return value;
    }

    private static List<String> fields(String list, Span at) {
        List<String> out = new ArrayList<>();
        for (String f : list.trim().split("[\\s,]+")) {
            if (!f.isEmpty()) {
                out.add(name(f, "field list", at));
            }
        }
        return out;
    }

    /** Whether a field can be written bare in the where clause. */
    static boolean isField(String name) {
        return DOTTED.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }
}
