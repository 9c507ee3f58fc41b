package dev.sigc.cli;

import dev.sigc.attack.AttackData;
import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import dev.sigc.check.Check;
import dev.sigc.output.CapabilityTable;
import dev.sigc.output.OutputFormat;
import dev.sigc.output.Formats;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lists what sigc knows: targets, pipelines, formats, checks, capabilities (per target, how each "
                + "Sigma construct is rendered).", footer = ExitCodes.HELP)
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "targets, pipelines, formats, checks or capabilities")
    String what;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        switch (what) {
            case "targets" -> {
                for (Backend b : Backends.all()) {
                    out.printf("%-4s .%-4s pipeline %s%n", b.id(), b.extension(), b.defaultPipeline());
                }
            }
            case "pipelines" -> {
                int width = BundledPipelines.names().stream().mapToInt(String::length).max().orElse(0);
                for (String name : BundledPipelines.names()) {
                    String target = BundledPipelines.target(name);
                    var backend = Backends.byId(target);
                    boolean isDefault = backend.map(b -> b.defaultPipeline().equals(name + ".yml")).orElse(false);
                    List<String> insteadOf = dev.sigc.pipeline.PipelineLoader.bundled(name + ".yml").insteadOf();
                    String instead = insteadOf.isEmpty() ? ", add with -p " + name
                            : ", use with -p " + name + " instead of " + String.join(", ", insteadOf);
                    out.printf("%-" + width + "s  bundled, target %s%s%n", name, target, isDefault ? ", default" : instead);
                }
            }
            case "formats" -> {
                for (OutputFormat f : Formats.all()) {
                    out.printf("%-13s %-4s %s%n", f.id(), f.target().orElse("any"), f.summary());
                }
                out.printf("%nATT&CK data: MITRE ATT&CK Enterprise v%s (%s)%n", AttackData.bundled().version(),
                        AttackData.bundled().source());
            }
            case "checks" -> {
                for (Check c : Check.values()) {
                    out.printf("%-30s %-7s %s%n", c.id(), c.severity().label(), c.summary());
                }
            }
            case "capabilities" -> out.print(CapabilityTable.render(Backends.all()));
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown list '" + what + "'; choose targets, pipelines, formats, checks or capabilities");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
