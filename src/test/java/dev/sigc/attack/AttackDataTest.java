package dev.sigc.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttackDataTest {
    private final AttackData data = AttackData.bundled();

    @Test
    void theBundledTableIsPinnedAndSaysItIsPartial() {
        assertEquals("18.1", data.version());
        assertEquals("sigc hand-written subset", data.source());
        assertTrue(!data.isComplete(), "the bundled table is partial, and says so");
        assertEquals(14, data.tactics().size());
        assertEquals("TA0043", data.tactics().get(0).id());
        Technique t = data.technique("T1552.005").orElseThrow();
        assertEquals("Cloud Instance Metadata API", t.name());
        assertEquals("T1552", t.parentId());
        assertEquals(List.of("credential-access"), t.tactics());
        assertEquals("https://attack.mitre.org/techniques/T1552/005/", t.reference());
        assertEquals(Optional.of("T1552.005"), data.technique("T1522").orElseThrow().revokedBy());
        assertEquals(Technique.Status.DEPRECATED, data.technique("T1043").orElseThrow().status());
        assertEquals("Credential Access", data.tactic("credential-access").orElseThrow().name());
        assertEquals("credential-access", data.tactic("TA0006").orElseThrow().shortName());
    }

    @Test
    void everyActiveSubtechniqueHasItsParentAndEveryTacticExists() {
        for (String id : List.of("T1059.001", "T1552.001", "T1078.004")) {
            Technique t = data.technique(id).orElseThrow();
            assertTrue(data.technique(t.parentId()).isPresent(), id);
            t.tactics().forEach(s -> assertTrue(data.tactic(s).isPresent(), s));
        }
    }

    @Test
    void techniquesGoUnderTheirTaggedTacticsWithSubtechniquesUnderTheirParent() {
        RuleAttack a = RuleAttack.of(List.of("attack.execution", "attack.t1609", "attack.credential_access",
                "attack.t1552.005", "attack.t1552.001", "attack.discovery", "attack.t9999", "attack.t1522"), data);
        assertEquals(List.of("attack.t9999", "attack.t1522"), a.unresolved());
        assertEquals(List.of("TA0002", "TA0006", "TA0007"), a.allTactics().stream().map(Tactic::id).toList());
        RuleAttack.Threat credentials = a.threats().get(1);
        assertEquals("T1552", credentials.techniques().get(0).technique().id());
        assertEquals(List.of("T1552.001", "T1552.005"),
                credentials.techniques().get(0).subtechniques().stream().map(Technique::id).toList());
        assertEquals(List.of(), a.threats().get(2).techniques(), "a tactic tag without a technique stands alone");
        RuleAttack untagged = RuleAttack.of(List.of("attack.t1552.005"), data);
        assertEquals("TA0006", untagged.threats().get(0).tactic().id(), "a technique without its tactic tag gets ATT&CK's");
    }
}
