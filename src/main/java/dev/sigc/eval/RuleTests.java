package dev.sigc.eval;

import dev.sigc.compile.CompiledRule;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFile;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.util.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds rules and their fixtures and plans the rule tests: the library side of {@code sigc test} (and of a
 * coverage check: {@code RuleTests.load(paths).coverageGaps()}).
 *
 * <p>A rule's fixtures are the {@code *.json} files under the {@code tests/} folder of the rule's own
 * folder or of the nearest folder above it that has one, looking no higher than the folder given on the
 * command line (for a rule file given directly: its own folder). A fixture names rules of that folder (and
 * its subfolders without a {@code tests/} of their own) by file name without extension, or by id.
 */
public final class RuleTests {
    private final Converter converter = new Converter();
    private final Path cwd = Path.of("").toAbsolutePath();

    private RuleTests() {}

    /** Plans the tests for the rules under {@code paths}; a path that does not exist is an {@code io} error. */
    public static RuleTestSuite load(List<Path> paths) {
        return new RuleTests().plan(paths);
    }

    /** A folder holding a {@code tests/} folder, with the rules it scopes and its fixtures. */
    private record Home(Path dir, List<Fixture> fixtures, Map<String, List<Scoped>> byName, Set<String> broken) {}

    private record Scoped(Path file, int doc, CompiledRule rule) {}

    private RuleTestSuite plan(List<Path> paths) {
        List<RuleFile> selected = RuleFiles.find(paths);
        List<Diagnostic> diags = new ArrayList<>();
        Map<Path, Home> homes = new LinkedHashMap<>();
        List<TestedRule> rules = new ArrayList<>();
        for (RuleFile rf : selected) {
            Path abs = rf.path().toAbsolutePath().normalize();
            Optional<Path> homeDir = home(abs, inputRoot(rf, abs));
            Converter.Loaded loaded = converter.load(rf);
            diags.addAll(loaded.diagnostics());
            Optional<Home> home = homeDir.map(d -> homes.computeIfAbsent(d, k -> readHome(k, diags)));
            for (int doc = 0; doc < loaded.rules().size(); doc++) {
                CompiledRule rule = loaded.rules().get(doc);
                String name = rf.pack() + "/" + rf.relative().replaceFirst("\\.ya?ml$", "")
                        + (loaded.rules().size() > 1 ? "#" + (doc + 1) : "");
                int docIndex = doc;
                List<TestedRule.Case> cases = home.map(h -> cases(h, abs, docIndex, rule)).orElse(List.of());
                rules.add(new TestedRule(rf, rule, name, homeDir.map(d -> display(d.resolve("tests"))), cases));
            }
        }
        for (Home h : homes.values()) {
            checkExpectations(h, diags);
        }
        int fixtures = homes.values().stream().mapToInt(h -> h.fixtures().size()).sum();
        return new RuleTestSuite(rules, fixtures, diags);
    }

    private static Path inputRoot(RuleFile rf, Path abs) {
        Path root = abs.getParent();
        for (int i = 1; i < Path.of(rf.relative()).getNameCount() && root != null; i++) {
            root = root.getParent();
        }
        return root;
    }

    /** The nearest folder from the rule's own up to {@code root} that has a tests/ folder. */
    private static Optional<Path> home(Path ruleFile, Path root) {
        for (Path dir = ruleFile.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tests"))) {
                return Optional.of(dir);
            }
            if (dir.equals(root)) {
                break;
            }
        }
        return Optional.empty();
    }

    private Home readHome(Path dir, List<Diagnostic> diags) {
        Map<String, List<Scoped>> byName = new HashMap<>();
        Set<String> broken = new HashSet<>();
        for (RuleFile rf : RuleFiles.find(List.of(dir))) {
            Path abs = rf.path().toAbsolutePath().normalize();
            if (!home(abs, dir).equals(Optional.of(dir))) {
                continue; // a subfolder with tests/ of its own
            }
            Converter.Loaded loaded = converter.load(rf);
            String stem = abs.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (loaded.rules().isEmpty()) {
                broken.add(stem);
            }
            for (int doc = 0; doc < loaded.rules().size(); doc++) {
                CompiledRule r = loaded.rules().get(doc);
                Scoped s = new Scoped(abs, doc, r);
                byName.computeIfAbsent(stem, k -> new ArrayList<>()).add(s);
                r.rule().id().ifPresent(id -> byName.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
            }
        }
        List<Fixture> fixtures = new ArrayList<>();
        Path tests = dir.resolve("tests");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tests)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted((a, b) -> tests.relativize(a).toString().replace('\\', '/')
                            .compareTo(tests.relativize(b).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new SigcException("io", new Span(display(tests), 0, 0), "cannot read folder: " + e.getMessage());
        }
        for (Path f : files) {
            try {
                fixtures.add(FixtureLoader.load(Path.of(display(f))));
            } catch (SigcException e) {
                diags.add(e.diagnostic());
            }
        }
        return new Home(dir, fixtures, byName, broken);
    }

    private static List<TestedRule.Case> cases(Home home, Path ruleFile, int doc, CompiledRule rule) {
        List<TestedRule.Case> out = new ArrayList<>();
        for (Fixture f : home.fixtures()) {
            if (!f.reachedBy(rule.rule().logsource())) {
                continue;
            }
            Optional<Boolean> listed = Optional.empty();
            for (Fixture.Expectation e : f.expectations()) {
                List<Scoped> named = home.byName().getOrDefault(e.rule(), List.of());
                if (named.size() == 1 && named.get(0).file().equals(ruleFile) && named.get(0).doc() == doc) {
                    listed = Optional.of(e.match());
                }
            }
            out.add(new TestedRule.Case(f, listed.orElse(false), listed.isPresent()));
        }
        return out;
    }

    /** Every expectation must name one rule, once per fixture, whose logsource takes the fixture's event. */
    private void checkExpectations(Home home, List<Diagnostic> diags) {
        for (Fixture f : home.fixtures()) {
            Map<Scoped, String> seen = new HashMap<>();
            for (Fixture.Expectation e : f.expectations()) {
                List<Scoped> named = home.byName().getOrDefault(e.rule(), List.of());
                if (named.isEmpty()) {
                    if (!home.broken().contains(e.rule())) {
                        Set<String> names = new TreeSet<>(home.byName().keySet());
                        String hint = Text.closest(e.rule(), names).map(s -> " (did you mean '" + s + "'?)").orElse("");
                        diags.add(Diagnostic.error("unknown-rule", e.span(), "no rule '" + e.rule() + "' beside "
                                + display(home.dir()) + "/tests/" + hint + "; name a rule file without .yml, or a rule id"));
                    }
                    continue;
                }
                if (named.size() > 1) {
                    diags.add(Diagnostic.error("ambiguous-rule", e.span(), "'" + e.rule() + "' names " + named.size()
                            + " rules (a file with several documents, or a shared id); name the rule by its id"));
                    continue;
                }
                CompiledRule rule = named.get(0).rule();
                String before = seen.putIfAbsent(named.get(0), e.rule());
                if (before != null) {
                    diags.add(Diagnostic.error("duplicate-expectation", e.span(), "'" + e.rule()
                            + "' is the same rule as '" + before + "', already listed in this fixture"));
                } else if (!f.reachedBy(rule.rule().logsource())) {
                    diags.add(Diagnostic.error("unreachable-expectation", e.span(), "rule '" + e.rule()
                            + "' reads logsource " + rule.rule().logsource().describe() + ", which never sees this "
                            + "event (" + f.describeLogsource() + "); drop the expectation or fix the logsource"));
                }
            }
        }
    }

    private String display(Path abs) {
        Path p = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        String s = p.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
