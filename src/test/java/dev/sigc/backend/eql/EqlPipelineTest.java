package dev.sigc.backend.eql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled eql-ecs pipeline: the event category and preamble for each logsource family, and the fields that
 * are mapped, mapped to several places, or left unmapped on purpose because no ECS field holds the same value.
 */
class EqlPipelineTest {
    @TempDir
    Path dir;

    private Converter.Result convert(String logsource, String selection) throws IOException {
        String yaml = "title: t\nlogsource:\n" + indent(logsource) + "detection:\n    selection:\n" + indent(indent(selection))
                + "    condition: selection\n";
        Path rule = dir.resolve("rule.yml");
        Files.writeString(rule, yaml, StandardCharsets.UTF_8);
        return new Converter().convert(RuleFiles.find(List.of(rule)), List.of(Converter.Target.of(new EqlBackend(), List.of())));
    }

    private static String indent(String lines) {
        return lines.lines().map(l -> "    " + l + "\n").collect(Collectors.joining());
    }

    private String eql(String logsource, String selection) throws IOException {
        Converter.Result r = convert(logsource, selection);
        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::render).toList());
        return r.outputs().get(0).query().text();
    }

    private String error(String logsource, String selection) throws IOException {
        Converter.Result r = convert(logsource, selection);
        assertTrue(r.outputs().isEmpty(), "expected no output, got " + r.outputs());
        return r.diagnostics().get(0).render();
    }

    @Test
    void sysmonOnlyCategoriesSelectTheChannelAndEventId() throws IOException {
        assertEquals("process where winlog.channel : \"Microsoft-Windows-Sysmon/Operational\" and event.code : \"10\""
                        + " and winlog.event_data.TargetImage like~ \"*\\\\lsass.exe\" and process.executable like~ \"*\\\\rundll32.exe\"",
                eql("category: process_access\nproduct: windows",
                        "TargetImage|endswith: '\\lsass.exe'\nSourceImage|endswith: '\\rundll32.exe'"));
        assertEquals("file where winlog.channel : \"Microsoft-Windows-Sysmon/Operational\" and event.code in~ (\"17\", \"18\")"
                + " and file.name : \"\\\\PSEXESVC\"", eql("category: pipe_created\nproduct: windows", "PipeName: '\\PSEXESVC'"));
    }

    @Test
    void imageLoadCoversDefendLibraryAndSysmonEvents() throws IOException {
        assertEquals("any where event.category in~ (\"library\", \"process\") and event.action in~ (\"load\", \"Image loaded\")"
                        + " and (dll.path like~ \"*\\\\dbghelp.dll\" or file.path like~ \"*\\\\dbghelp.dll\")",
                eql("category: image_load\nproduct: windows", "ImageLoaded|endswith: '\\dbghelp.dll'"));
    }

    @Test
    void registrySetKeepsSysmonDetailsVerbatim() throws IOException {
        assertEquals("registry where event.action in~ (\"modification\", \"RegistryEvent (Value Set)\")"
                        + " and registry.path like~ \"*\\\\Lsa\\\\NoLMHash\" and winlog.event_data.Details : \"DWORD (0x00000000)\"",
                eql("category: registry_set\nproduct: windows",
                        "TargetObject|endswith: '\\Lsa\\NoLMHash'\nDetails: 'DWORD (0x00000000)'"));
    }

    @Test
    void windowsEventLogsUseTheChannelAndEventData() throws IOException {
        assertEquals("any where winlog.channel : \"System\" and event.code : \"7045\""
                        + " and winlog.event_data.ImagePath like~ \"*\\\\Temp\\\\*\"",
                eql("product: windows\nservice: system", "EventID: 7045\nImagePath|contains: '\\Temp\\'"));
        assertEquals("any where winlog.channel : \"Security\" and event.code : \"4625\" and source.ip == \"10.1.2.3\""
                        + " and (process.executable like~ \"*\\\\lsass.exe\" or winlog.event_data.ProcessName like~ \"*\\\\lsass.exe\")",
                eql("product: windows\nservice: security",
                        "EventID: 4625\nIpAddress: '10.1.2.3'\nProcessName|endswith: '\\lsass.exe'"));
        assertEquals("any where winlog.channel : \"Microsoft-Windows-Windows Defender/Operational\" and event.code : \"5007\""
                        + " and winlog.event_data.New_Value like~ \"*\\\\Exclusions\\\\*\"",
                eql("product: windows\nservice: windefend", "EventID: 5007\nNewValue|contains: '\\Exclusions\\'"));
    }

    @Test
    void scriptBlockLoggingUsesThePowerShellDataStreamField() throws IOException {
        assertEquals("process where winlog.channel in~ (\"Microsoft-Windows-PowerShell/Operational\", \"PowerShellCore/Operational\")"
                        + " and event.code : \"4104\" and powershell.file.script_block_text like~ \"*Invoke-Mimikatz*\"",
                eql("category: ps_script\nproduct: windows", "ScriptBlockText|contains: 'Invoke-Mimikatz'"));
    }

    @Test
    void cloudLogsSelectTheIntegrationDataset() throws IOException {
        assertEquals("any where event.dataset : \"aws.cloudtrail\" and event.provider : \"cloudtrail.amazonaws.com\""
                        + " and event.action : \"StopLogging\"",
                eql("product: aws\nservice: cloudtrail", "eventSource: cloudtrail.amazonaws.com\neventName: StopLogging"));
        assertEquals("any where event.dataset : \"okta.system\" and okta.event_type : \"user.mfa.factor.deactivate\"",
                eql("product: okta\nservice: okta", "eventType: user.mfa.factor.deactivate"));
        assertEquals("any where event.dataset : \"okta.system\" and okta.target.display_name : \"Okta Admin Console\"",
                eql("product: okta\nservice: okta", "target.displayName: Okta Admin Console"));
    }

    @Test
    void saasAndApplianceLogsSelectTheIntegrationDataset() throws IOException {
        assertEquals("any where event.dataset : \"atlassian_bitbucket.audit\" and bitbucket.audit.type.action"
                        + " : \"User login failed\" and bitbucket.audit.type.category : \"Authentication\"",
                eql("product: bitbucket\nservice: audit", "auditType.action: User login failed\nauditType.category: Authentication"));
        assertEquals("any where event.dataset : \"cisco_duo.auth\" and cisco_duo.auth.reason : \"bypass_user\"",
                eql("product: cisco\nservice: duo", "reason: bypass_user"));
        assertEquals("any where event.dataset : \"fortinet_fortigate.log\" and fortinet.firewall.type : \"event\""
                        + " and fortinet.firewall.action : \"Add\" and fortinet.firewall.cfgpath : \"system.admin\"",
                eql("product: fortigate\nservice: event", "action: Add\ncfgpath: system.admin"));
        // x509 records carry no event.category in the Zeek integration: 'any', not 'network'
        assertEquals("any where event.dataset : \"zeek.x509\" and zeek.x509.certificate.serial : \"8BB00EE\"",
                eql("product: zeek\nservice: x509", "certificate.serial: 8BB00EE"));
    }

    @Test
    void webServerLogsAreWebEvents() throws IOException {
        assertEquals("web where url.query like~ \"*../../*\" and http.response.status_code == 200",
                eql("category: webserver", "cs-uri-query|contains: '../../'\nsc-status: 200"));
    }

    @Test
    void wholeSysmonHashesGoWhereTheIntegrationPutsThem() throws IOException {
        String md5 = "0123456789ABCDEF0123456789ABCDEF";
        String low = md5.toLowerCase(java.util.Locale.ROOT);
        assertEquals("any where event.category in~ (\"library\", \"process\") and event.action in~ (\"load\", "
                        + "\"Image loaded\") and (dll.hash.md5 : \"" + low + "\" or file.hash.md5 : \"" + low + "\")",
                eql("category: image_load\nproduct: windows", "Hashes|contains: 'MD5=" + md5 + "'"));
        assertTrue(eql("category: driver_load\nproduct: windows", "Hashes|contains: 'IMPHASH=" + md5 + "'")
                .endsWith(" and file.pe.imphash : \"" + low + "\""));
        assertTrue(eql("category: create_stream_hash\nproduct: windows", "Hash|contains: 'IMPHASH=" + md5 + "'")
                .endsWith(" and file.pe.imphash : \"" + low + "\""));
    }

    @Test
    void fieldsWhoseValueFormDiffersAreNotMapped() throws IOException {
        // Sysmon Hashes is split into process.hash.* by the integration: only a whole hash maps (hashes_fields)
        assertTrue(error("category: process_creation\nproduct: windows", "Hashes|contains: 'IMPHASH=ABC'")
                .contains("has 3 hex digits, but a whole IMPHASH hash has 32"));
        assertTrue(error("category: network_connection\nproduct: windows", "DestinationIsIpv6: 'true'")
                .contains("field 'DestinationIsIpv6' is not a field of ecs"));
        // Windows 'DOMAIN\name' has no single ECS field (outside process creation, see the pipeline's note)
        assertTrue(error("category: file_event\nproduct: windows", "User|contains: 'AUTHORI'")
                .contains("field 'User' is not a field of ecs"));
    }

    @Test
    void valuesTheIntegrationRewritesAreMappedByValue() throws IOException {
        // the Windows integration: Initiated 'true'/'false' -> network.direction, SourceIsIpv6 -> network.type
        assertTrue(eql("category: network_connection\nproduct: windows", "Initiated: 'true'\nSourceIsIpv6: 'false'")
                .endsWith("network.direction in~ (\"egress\", \"outgoing\") and network.type : \"ipv4\""));
        assertTrue(eql("category: network_connection\nproduct: windows", "Initiated: false")
                .endsWith("network.direction in~ (\"ingress\", \"incoming\")"));
        assertTrue(error("category: network_connection\nproduct: windows", "Initiated|contains: 'tru'")
                .contains("Initiated becomes network.direction"));
        // Elastic Defend on Linux: no Sysmon Initiated there
        assertTrue(error("category: network_connection\nproduct: linux", "Initiated: 'true'")
                .contains("field 'Initiated' is not a field of ecs"));
        // OpenCanary's numeric logtype is replaced by its name (log.logger) in the integration
        assertEquals("any where event.dataset : \"opencanary.events\" and log.logger : \"LOG_PORT_SYN\"",
                eql("category: application\nproduct: opencanary", "logtype: 5001"));
        assertTrue(error("category: application\nproduct: opencanary", "logtype: 5006")
                .contains("not a log type number of its table"));
        // Google Workspace admin: eventService admin.googleapis.com is event.provider 'admin'
        assertEquals("any where event.dataset : \"google_workspace.admin\" and event.provider : \"admin\" and "
                        + "event.action : \"REMOVE_PRIVILEGE\"",
                eql("product: gcp\nservice: google_workspace.admin",
                        "eventService: admin.googleapis.com\neventName: REMOVE_PRIVILEGE"));
        assertTrue(eql("product: gcp\nservice: google_workspace.admin", "setting_name|startswith: 'ContextAware'\n"
                + "new_value: 'false'").endsWith("google_workspace.admin.setting.name like~ \"ContextAware*\" and "
                + "google_workspace.admin.new_value : \"false\""));
        assertTrue(error("product: gcp\nservice: google_workspace.admin", "eventService: login.googleapis.com")
                .contains("other values have no counterpart"));
    }

    @Test
    void posixUserIsThePlainAccountName() throws IOException {
        assertEquals("process where event.type : \"start\" and user.name : \"root\"",
                eql("category: process_creation\nproduct: linux", "User: root"));
    }

    @Test
    void auditdRecordsAreAuditdLogDocuments() throws IOException {
        assertEquals("any where event.dataset : \"auditd.log\" and (auditd.log.record_type : \"SYSCALL\" or event.action : \"SYSCALL\")"
                        + " and auditd.log.SYSCALL : \"mknod\" and process.name : \"split\" and process.executable like~ \"/tmp/*\""
                        + " and not (auditd.log.record_type : \"EXECVE\" or event.action : \"EXECVE\")"
                        + " and user.effective.id : \"33\" and not (auditd.log.record_type in~ (\"ADD_GROUP\", \"ADD_USER\","
                        + " \"CRED_ACQ\", \"CRED_DISP\", \"CRED_REFR\", \"DEL_GROUP\", \"DEL_USER\", \"GRP_AUTH\", \"GRP_CHAUTHTOK\","
                        + " \"GRP_MGMT\", \"LOGIN\", \"USER_ACCT\", \"USER_AUTH\", \"USER_CHAUTHTOK\", \"USER_END\", \"USER_ERR\","
                        + " \"USER_LOGIN\", \"USER_LOGOUT\", \"USER_MGMT\", \"USER_START\"))",
                eql("product: linux\nservice: auditd", "type: SYSCALL\nSYSCALL: mknod\ncomm: split\nexe|startswith: /tmp/\neuid: 33"));
        assertEquals("any where event.dataset : \"auditd.log\" and (auditd.log.record_type : \"PATH\" or event.action : \"PATH\")"
                        + " and auditd.log.name : \"/etc/ld.so.preload\" and auditd.log.nametype : \"CREATE\"",
                eql("product: linux\nservice: auditd", "type: PATH\nname: /etc/ld.so.preload\nnametype: CREATE"));
        assertEquals("any where event.dataset : \"auditd.log\" and (auditd.log.record_type : \"SERVICE_STOP\""
                        + " or event.action : \"SERVICE_STOP\") and auditd.log.unit : \"ufw\"",
                eql("product: linux\nservice: auditd", "type: SERVICE_STOP\nunit: ufw"));
    }

    @Test
    void auditdExeInAFilterStillExcludesOnlyRecordsWithExe() throws IOException {
        // an EXECVE record (a0 in process.executable) has no exe: 'not exe: x' holds there, as in Sigma
        assertEquals("any where event.dataset : \"auditd.log\" and (auditd.log.record_type : \"SYSCALL\""
                        + " or event.action : \"SYSCALL\") and not (process.executable : \"/bin/x\""
                        + " and not (auditd.log.record_type : \"EXECVE\" or event.action : \"EXECVE\"))",
                eql("product: linux\nservice: auditd", "type: SYSCALL\nexe|neq: /bin/x").replace("\n", ""));
    }

    @Test
    void auditdArgumentsAndKeyAreErrorsAtTheItem() throws IOException {
        assertTrue(error("product: linux\nservice: auditd", "type: EXECVE\na0: curl")
                .contains("auditd argument fields a0..aN have no exact counterpart"));
        assertTrue(error("product: linux\nservice: auditd", "type: SYSCALL\na12|startswith: '--'")
                .contains("auditd argument fields a0..aN have no exact counterpart"));
        assertTrue(error("product: linux\nservice: auditd", "type: SYSCALL\nkey: susp_activity")
                .contains("auditd key has no exact counterpart"));
    }
}
