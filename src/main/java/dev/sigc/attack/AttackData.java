package dev.sigc.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ATT&CK Enterprise tactics and techniques bundled with sigc ({@code attack/enterprise-attack.tsv},
 * a table of ids and names; see its header for its coverage). Immutable; {@link #bundled()}
 * is read once and shared.
 */
public final class AttackData {
    private static final String RESOURCE = "/attack/enterprise-attack.tsv";

    private final String version;
    private final String source;
    private final List<Tactic> tactics;
    private final Map<String, Tactic> tacticsByShortName;
    private final Map<String, Tactic> tacticsById;
    private final Map<String, Technique> techniques;

    private final boolean complete;

    private AttackData(String version, String source, boolean complete, List<Tactic> tactics,
                       Map<String, Technique> techniques) {
        this.version = version;
        this.complete = complete;
        this.source = source;
        this.tactics = List.copyOf(tactics);
        Map<String, Tactic> byShort = new LinkedHashMap<>();
        Map<String, Tactic> byId = new LinkedHashMap<>();
        for (Tactic t : tactics) {
            byShort.put(t.shortName(), t);
            byId.put(t.id(), t);
        }
        this.tacticsByShortName = Collections.unmodifiableMap(byShort);
        this.tacticsById = Collections.unmodifiableMap(byId);
        this.techniques = Collections.unmodifiableMap(new TreeMap<>(techniques));
    }

    private static final class Holder {
        static final AttackData BUNDLED = load();
    }

    /** The table shipped in the jar. */
    public static AttackData bundled() {
        return Holder.BUNDLED;
    }

    private static AttackData load() {
        try (InputStream in = AttackData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AttackData parse(List<String> lines) {
        String version = "";
        String source = "";
        boolean complete = true;
        List<Tactic> tactics = new ArrayList<>();
        Map<String, Technique> techniques = new TreeMap<>();
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "version" -> version = f[1];
                case "source" -> source = f[1];
                case "coverage" -> complete = f[1].equals("complete");
                case "tactic" -> tactics.add(new Tactic(f[1], f[2], f[3]));
                case "technique" -> techniques.put(f[1], new Technique(f[1], f[2],
                        f[3].equals("-") ? List.of() : Arrays.asList(f[3].split(",")),
                        Technique.Status.valueOf(f[4].toUpperCase(java.util.Locale.ROOT)),
                        f[5].equals("-") ? Optional.empty() : Optional.of(f[5])));
                default -> throw new IllegalStateException("unknown ATT&CK record: " + f[0]);
            }
        }
        return new AttackData(version, source, complete, tactics, techniques);
    }

    /**
     * Whether the table lists every technique of its release. When it does not, a technique missing from
     * it is unverified rather than unknown.
     */
    public boolean isComplete() {
        return complete;
    }

    /** How messages name the bundled table, e.g. {@code ATT&CK v18.1} or {@code sigc's partial ATT&CK v18.1 table}. */
    public static String describe() {
        AttackData a = bundled();
        return a.isComplete() ? "ATT&CK v" + a.version() : "sigc's partial ATT&CK v" + a.version() + " table";
    }

    /** The ATT&CK release, e.g. {@code 18.1}. */
    public String version() {
        return version;
    }

    /** Where the table came from, e.g. {@code mitre/cti@<commit>}. */
    public String source() {
        return source;
    }

    /** Tactics in the order of the Enterprise matrix. */
    public List<Tactic> tactics() {
        return tactics;
    }

    /** A tactic by short name ({@code credential-access}) or id ({@code TA0006}). */
    public Optional<Tactic> tactic(String shortNameOrId) {
        Tactic t = tacticsByShortName.get(shortNameOrId);
        return Optional.ofNullable(t != null ? t : tacticsById.get(shortNameOrId));
    }

    /** A technique or sub-technique by id ({@code T1552.005}), whatever its status. */
    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(id));
    }

    /** Position of a tactic in the matrix, for ordering. */
    int order(Tactic t) {
        return tactics.indexOf(t);
    }
}
