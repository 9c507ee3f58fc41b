package dev.sigc.output;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import java.util.List;
import java.util.Locale;

/** The capability table as Markdown, straight from each backend's ratings. */
public final class CapabilityTable {
    private CapabilityTable() {}

    public static String render(List<Backend> backends) {
        StringBuilder sb = new StringBuilder("| construct |");
        backends.forEach(b -> sb.append(' ').append(b.id()).append(" |"));
        sb.append("\n|---|");
        backends.forEach(b -> sb.append("---|"));
        sb.append('\n');
        for (Construct c : Construct.values()) {
            sb.append("| `").append(c.id()).append("` ").append(c.description().replace("|", "\\|")).append(" |");
            for (Backend b : backends) {
                Capability cap = b.capabilities().get(c);
                sb.append(' ');
                if (cap == null) {
                    sb.append("unrated");
                } else {
                    sb.append(cap.support().name().toLowerCase(Locale.ROOT));
                    if (!cap.note().isEmpty()) {
                        sb.append(": ").append(cap.note().replace("|", "\\|"));
                    }
                }
                sb.append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
