package dev.sigc.backend.kql;

import static dev.sigc.backend.kql.KqlCli.emits;
import static dev.sigc.backend.kql.KqlCli.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled KQL pipelines, end to end: kql-defender (the default) and kql-sentinel on top of it
 * ({@code -p kql-sentinel}). Each case is a rule's logsource and detection and the query or error expected.
 */
class KqlPipelinesTest {
    @TempDir
    Path dir;

    private KqlCli cli;

    @org.junit.jupiter.api.BeforeEach
    void cli() {
        cli = new KqlCli(dir, "title: t\n");
    }

    /** Converts one rule (logsource and detection lines of YAML) to KQL with the given extra arguments. */
    private CliRun kql(String logsource, String detection, String... args) throws IOException {
        return cli.convert(logsource, detection, args);
    }

    @Test
    void sentinelSyslogKeywordsSearchTheMessageAndTheProgramName() throws IOException {
        emits("Syslog\n| where ProcessName =~ \"sshd\" and (SyslogMessage contains \"error in libcrypto\" or "
                        + "ProcessName contains \"error in libcrypto\")",
                kql("product: linux\nservice: sshd", "keywords:\n    - 'error in libcrypto'\ncondition: keywords",
                        "-p", "kql-sentinel"));
        stops("keyword (field-less) search is not supported",
                kql("product: windows\nservice: security", "keywords:\n    - 'x'\ncondition: keywords", "-p",
                        "kql-sentinel"));
    }

    @Test
    void defenderFileDeleteIsAnActionOfDeviceFileEvents() throws IOException {
        emits("DeviceFileEvents\n| where ActionType =~ \"FileDeleted\" and FolderPath endswith \"\\\\x.dll\"",
                kql("category: file_delete\nproduct: windows", "sel:\n    TargetFilename|endswith: '\\x.dll'\ncondition: sel"));
    }

    @Test
    void defenderProcessAccessNamesTheTargetInFolderPath() throws IOException {
        emits("DeviceEvents\n| where ActionType =~ \"OpenProcessApiCall\" and FolderPath endswith \"\\\\lsass.exe\" and "
                        + "InitiatingProcessFolderPath endswith \"\\\\rundll32.exe\"",
                kql("category: process_access\nproduct: windows", "sel:\n    TargetImage|endswith: '\\lsass.exe'\n"
                        + "    SourceImage|endswith: '\\rundll32.exe'\ncondition: sel"));
    }

    @Test
    void defenderDriverLoad() throws IOException {
        emits("DeviceEvents\n| where ActionType =~ \"DriverLoad\" and FolderPath endswith \"\\\\evil.sys\"",
                kql("category: driver_load\nproduct: windows", "sel:\n    ImageLoaded|endswith: '\\evil.sys'\ncondition: sel"));
    }

    @Test
    void fieldsWithoutAnExactColumnStopWithTheReason() throws IOException {
        stops("Sysmon LogonId is hex text", kql("category: process_creation\nproduct: windows",
                "sel:\n    LogonId: '0x3e7'\ncondition: sel"));
        stops("Sysmon User is DOMAIN\\name", kql("category: network_connection\nproduct: windows",
                "sel:\n    User|contains: 'AUTHORI'\ncondition: sel"));
        stops("field 'TargetObject' is not a field of DeviceRegistryEvents", kql("category: registry_set\nproduct: windows",
                "sel:\n    TargetObject|endswith: '\\Run\\x'\ncondition: sel"));
    }

    @Test
    void aLinuxUserIsABareName() throws IOException {
        emits("DeviceNetworkEvents\n| where InitiatingProcessAccountName =~ \"root\"",
                kql("category: network_connection\nproduct: linux", "sel:\n    User: root\ncondition: sel"));
    }

    @Test
    void windowsEventLogsNeedSentinel() throws IOException {
        String security = "product: windows\nservice: security";
        String detection = "sel:\n    EventID: 4698\n    SubjectUserName|endswith: '$'\ncondition: sel";
        stops("logsource product=windows service=security has no 'table' in pipeline kql-defender", kql(security, detection));
        emits("SecurityEvent\n| where Channel =~ \"Security\" and EventID == 4698 and SubjectUserName endswith \"$\"",
                kql(security, detection, "-p", "kql-sentinel"));
    }

    @Test
    void sentinelOtherChannelsAreEventRows() throws IOException {
        emits("Event\n| where EventLog =~ \"System\" and Source =~ \"Service Control Manager\" and EventID == 7045",
                kql("product: windows\nservice: system", "sel:\n    Provider_Name: Service Control Manager\n"
                        + "    EventID: 7045\ncondition: sel", "-p", "kql-sentinel"));
        stops("not a field of Event", kql("product: windows\nservice: system",
                "sel:\n    EventID: 7045\n    ImagePath|contains: powershell\ncondition: sel", "-p", "kql-sentinel"));
    }

    @Test
    void sentinelCloudWebAndDns() throws IOException {
        emits("AWSCloudTrail\n| where EventSource =~ \"iam.amazonaws.com\" and EventName =~ \"CreateAccessKey\"",
                kql("product: aws\nservice: cloudtrail", "sel:\n    eventSource: iam.amazonaws.com\n"
                        + "    eventName: CreateAccessKey\ncondition: sel", "-p", "kql-sentinel"));
        emits("AzureActivity\n| where OperationNameValue =~ \"MICROSOFT.KEYVAULT/VAULTS/DELETE\"",
                kql("product: azure\nservice: activitylogs", "sel:\n    operationName: MICROSOFT.KEYVAULT/VAULTS/DELETE\n"
                        + "condition: sel", "-p", "kql-sentinel"));
        stops("Status there is an object", kql("product: azure\nservice: signinlogs",
                "sel:\n    Status: Success\ncondition: sel", "-p", "kql-sentinel"));
        emits("SigninLogs\n| where tostring(DeviceDetail.isCompliant) =~ \"false\" and isempty(tostring(DeviceDetail.trustType))",
                kql("product: azure\nservice: signinlogs", "sel:\n    DeviceDetail.isCompliant: 'false'\n"
                        + "    DeviceDetail.trusttype: null\ncondition: sel", "-p", "kql-sentinel"));
        emits("ASimWebSessionLogs\n| where EventType =~ \"HTTPsession\" and HttpUserAgent contains \"python-requests\"",
                kql("category: proxy", "sel:\n    c-useragent|contains: python-requests\ncondition: sel", "-p", "kql-sentinel"));
        emits("W3CIISLog\n| where csMethod =~ \"POST\" and csUriQuery contains \"cmd=\"",
                kql("category: webserver", "sel:\n    cs-method: POST\n    cs-uri-query|contains: 'cmd='\ncondition: sel",
                        "-p", "kql-sentinel"));
        emits("ASimDnsActivityLogs\n| where DnsQuery endswith \".onion\"",
                kql("category: dns", "sel:\n    query|endswith: .onion\ncondition: sel", "-p", "kql-sentinel"));
    }

    @Test
    void sentinelKubernetesAuditReadsAksAuditAndItsObjects() throws IOException {
        String ls = "product: kubernetes\nservice: audit";
        emits("AKSAudit\n| where Verb =~ \"create\" and tostring(ObjectRef.resource) =~ \"pods\" and "
                        + "tostring(ObjectRef.subresource) =~ \"exec\"",
                kql(ls, "sel:\n    verb: create\n    objectRef.resource: pods\n    objectRef.subresource: exec\n"
                        + "condition: sel", "-p", "kql-sentinel"));
        emits("AKSAudit\n| where toreal(tostring(ResponseStatus.code)) == 403 and RequestUri contains \"/secrets\"",
                kql("category: application\n" + ls, "sel:\n    responseStatus.code: 403\n    requestURI|contains: /secrets\n"
                        + "condition: sel", "-p", "kql-sentinel"));
        // apiGroup is a member of objectRef only; a top-level one is no field of the audit event
        stops("field 'apiGroup' is not a field of AKSAudit", kql(ls, "sel:\n    apiGroup: apps\ncondition: sel",
                "-p", "kql-sentinel"));
        stops("'sourceIPs' is not a field of AKSAudit", kql(ls, "sel:\n    sourceIPs: 10.0.0.1\ncondition: sel",
                "-p", "kql-sentinel"));
        stops("has no 'table'", kql(ls, "sel:\n    verb: create\ncondition: sel"));
    }

    @Test
    void sentinelAuditLogsPropertiesAreColumns() throws IOException {
        emits("AuditLogs\n| where OperationName =~ \"Disable Strong Authentication\" and Result =~ \"success\"",
                kql("product: azure\nservice: auditlogs", "sel:\n    operationName: Disable Strong Authentication\n"
                        + "    properties.result: success\ncondition: sel", "-p", "kql-sentinel"));
        stops("'properties.message' is not a field of AuditLogs", kql("product: azure\nservice: auditlogs",
                "sel:\n    properties.message: Add user\ncondition: sel", "-p", "kql-sentinel"));
    }

    @Test
    void sentinelKeepsDefenderTablesForEndpoints() throws IOException {
        String ls = "category: process_creation\nproduct: windows";
        String det = "sel:\n    CommandLine|contains: meta-data\ncondition: sel";
        CliRun defender = kql(ls, det);
        emits("DeviceProcessEvents\n| where ProcessCommandLine contains \"meta-data\"", defender);
        assertEquals(defender.out(), kql(ls, det, "-p", "kql-sentinel").out());
    }

    @Test
    void aBundledPipelineAppliesToItsTargetOnly() throws IOException {
        CliRun run = CliRun.of("convert", "-t", "eql", "-p", "kql-sentinel", "sigma-rules/t1552.005");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("pipeline 'kql-sentinel' is for target kql"), run.err());
        Path plain = dir.resolve("plain");
        Path both = dir.resolve("both");
        assertEquals(0, CliRun.of("convert", "-t", "eql", "-o", plain.toString(), "sigma-rules/t1552.005").exitCode());
        assertEquals(0, CliRun.of("convert", "-t", "eql,kql", "-p", "kql-sentinel", "-o", both.toString(),
                "sigma-rules/t1552.005").exitCode());
        try (Stream<Path> files = Files.walk(plain.resolve("eql"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals(Files.readString(f), Files.readString(both.resolve(plain.relativize(f))), f.toString());
            }
        }
    }

    @Test
    void listPipelinesShowsTheSentinelFlavour() {
        CliRun run = CliRun.of("list", "pipelines");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("kql-defender               bundled, target kql, default"), run.out());
        assertTrue(run.out().contains("kql-sentinel               bundled, target kql, add with -p kql-sentinel"), run.out());
    }

    /** Every table and column the Sentinel mappings use binds in Kusto.Language against the schema file. */
    @Test
    void sentinelQueriesBindAgainstTheSchema() throws IOException, InterruptedException {
        KqlCli.checkTool();
        String[][] cases = {
            {"product: windows\nservice: security", "sel:\n    EventID: 4624\n    LogonType: 3\n    Provider_Name: x"},
            {"product: windows\nservice: applocker", "sel:\n    EventID: 8004"},
            {"product: windows\nservice: application", "sel:\n    EventID: 1033\n    Message|contains: x\n    Channel: y"},
            {"product: linux\nservice: sshd", "sel:\n    SyslogMessage|contains: x"},
            {"product: linux\nservice: auth", "sel:\n    SyslogMessage|contains: x"},
            {"product: aws\nservice: cloudtrail", "sel:\n    userIdentity.type: Root\n    readOnly: 'false'"},
            {"product: azure\nservice: auditlogs", "sel:\n    Status: failure\n    operationName: x"},
            {"product: azure\nservice: signinlogs", "sel:\n    ResultType: 50126\n    userAgent|contains: x"},
            {"product: azure\nservice: riskdetection", "sel:\n    riskEventType: unlikelyTravel"},
            {"product: azure\nservice: signinlogs", "sel:\n    DeviceDetail.isCompliant: 'false'\n    DeviceDetail.trusttype: null"},
            {"product: m365\nservice: audit", "sel:\n    Operation: x\n    ObjectId: y\n    Workload: z"},
            {"product: gcp\nservice: gcp.audit", "sel:\n    gcp.audit.method_name: x"},
            {"product: kubernetes\nservice: audit", "sel:\n    verb: x\n    objectRef.namespace: y\n    responseStatus.code: 401\n    user.username: z"},
            {"product: azure\nservice: auditlogs", "sel:\n    properties.result: success\n    properties.operationType: Add"},
            {"category: webserver", "sel:\n    sc-status: 404\n    cs-user-agent|contains: x"},
            {"category: proxy", "sel:\n    c-uri|contains: x\n    sc-status: 200\n    dst_ip|cidr: 10.0.0.0/8"},
            {"category: dns", "sel:\n    query: x\n    record_type: TXT"},
        };
        Path out = dir.resolve("out");
        for (String[] c : cases) {
            kql(c[0], c[1] + "\ncondition: sel");
        }
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", "kql-sentinel", "-o", out.toString(), dir.resolve("in").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(cases.length, KqlCli.assertBind(out).files(), "one query per case");
    }

    private static final String WE = "kql-sentinel-windowsevent";

    @Test
    void windowsEventReadsSysmonFromEventData() throws IOException {
        emits("WindowsEvent\n| where Channel =~ \"Microsoft-Windows-Sysmon/Operational\" and EventID == 13 and "
                        + "tostring(EventData.TargetObject) endswith \"\\\\CurrentVersion\\\\Run\\\\x\" and "
                        + "tostring(EventData.Details) contains \"powershell\"",
                kql("category: registry_set\nproduct: windows", "sel:\n    TargetObject|endswith: '\\CurrentVersion\\Run\\x'\n"
                        + "    Details|contains: powershell\ncondition: sel", "-p", WE));
        emits("WindowsEvent\n| where Channel =~ \"Microsoft-Windows-Sysmon/Operational\" and EventID in (12, 13, 14) and "
                        + "tostring(EventData.EventType) =~ \"DeleteKey\"",
                kql("category: registry_event\nproduct: windows", "sel:\n    EventType: DeleteKey\ncondition: sel", "-p", WE));
    }

    @Test
    void windowsEventPowerShellAndChannels() throws IOException {
        emits("WindowsEvent\n| where Channel in~ (\"Microsoft-Windows-PowerShell/Operational\", \"PowerShellCore/Operational\") "
                        + "and EventID == 4104 and tostring(EventData.ScriptBlockText) contains \"169.254.169.254\"",
                kql("category: ps_script\nproduct: windows", "sel:\n    ScriptBlockText|contains: 169.254.169.254\ncondition: sel",
                        "-p", WE));
        emits("WindowsEvent\n| where Channel =~ \"System\" and Provider =~ \"Service Control Manager\" and EventID == 7045 and "
                        + "tostring(EventData.ImagePath) contains \"powershell\"",
                kql("product: windows\nservice: system", "sel:\n    Provider_Name: Service Control Manager\n"
                        + "    EventID: 7045\n    ImagePath|contains: powershell\ncondition: sel", "-p", WE));
        emits("WindowsEvent\n| where Channel =~ \"Microsoft-Windows-Windows Defender/Operational\" and EventID == 1116 and "
                        + "tostring(EventData['Threat Name']) contains \"Mimikatz\"",
                kql("product: windows\nservice: windefend", "sel:\n    EventID: 1116\n    ThreatName|contains: Mimikatz\n"
                        + "condition: sel", "-p", WE));
    }

    @Test
    void windowsEventStopsWhereTheEventHasNoSuchMember() throws IOException {
        // file_event (Sysmon 11) has no CommandLine; another event's member is no answer
        stops("field 'CommandLine' is not a field of WindowsEvent", kql("category: file_event\nproduct: windows",
                "sel:\n    CommandLine|contains: x\ncondition: sel", "-p", WE));
        stops("unnamed <Data> elements", kql("category: ps_classic_start\nproduct: windows",
                "sel:\n    Data|contains: x\ncondition: sel", "-p", WE));
        stops("the column is the System provider", kql("product: windows\nservice: wmi",
                "sel:\n    Provider: SCM Event Provider\ncondition: sel", "-p", WE));
        stops("use Hashes|contains", kql("category: process_creation\nproduct: windows",
                "sel:\n    md5: 0123\ncondition: sel", "-p", WE));
    }

    @Test
    void windowsEventTakesOverOnlyTheLogsourcesItMaps() throws IOException {
        String det = "sel:\n    CommandLine|contains: meta-data\ncondition: sel";
        emits("WindowsEvent\n| where Channel =~ \"Microsoft-Windows-Sysmon/Operational\" and EventID == 1 and "
                        + "tostring(EventData.CommandLine) contains \"meta-data\"",
                kql("category: process_creation\nproduct: windows", det, "-p", "kql-sentinel", "-p", WE));
        // Linux processes keep Defender's table; Linux syslog keeps Sentinel's
        emits("DeviceProcessEvents\n| where ProcessCommandLine contains \"meta-data\"",
                kql("category: process_creation\nproduct: linux", det, "-p", "kql-sentinel", "-p", WE));
        emits("Syslog\n| where ProcessName =~ \"sshd\" and SyslogMessage contains \"x\"",
                kql("product: linux\nservice: sshd", "sel:\n    SyslogMessage|contains: x\ncondition: sel",
                        "-p", "kql-sentinel", "-p", WE));
        // the Security log: WindowsEvent instead of SecurityEvent, whichever order the pipelines come in
        emits("WindowsEvent\n| where Channel =~ \"Security\" and EventID == 4698 and tostring(EventData.SubjectUserName) endswith \"$\"",
                kql("product: windows\nservice: security", "sel:\n    EventID: 4698\n    SubjectUserName|endswith: '$'\n"
                        + "condition: sel", "-p", "kql-sentinel", "-p", WE));
    }

    @Test
    void anEventDataMemberNoEventHasIsAnErrorWithTheClosestName() throws IOException {
        Path mine = dir.resolve("mine.yml");
        Files.writeString(mine, "name: mine\ntransformations:\n  - id: typo\n    type: field_name_mapping\n"
                + "    mapping:\n      Image: EventData.Imgae\n");
        stops("field 'Image' (mapped to 'EventData.Imgae') is not a field of WindowsEvent in defender-xdr "
                        + "(closest: 'EventData.Image')",
                kql("category: dns_query\nproduct: windows", "sel:\n    Image|endswith: x\ncondition: sel",
                        "-p", mine.toString(), "-p", WE));
    }

    @Test
    void listPipelinesShowsTheWindowsEventFlavour() {
        CliRun run = CliRun.of("list", "pipelines");
        assertTrue(run.out().contains(WE + "  bundled, target kql, add with -p " + WE), run.out());
    }

    /** Each logsource the WindowsEvent pipeline maps, with a member of its event, binds in Kusto.Language. */
    @Test
    void windowsEventQueriesBindAgainstTheSchema() throws IOException, InterruptedException {
        KqlCli.checkTool();
        String[][] cases = {
            {"category: process_creation\nproduct: windows", "sel:\n    Image|endswith: x\n    ParentImage|fieldref: Image"},
            {"category: network_connection\nproduct: windows", "sel:\n    DestinationIp|cidr: 10.0.0.0/8\n    DestinationPort: 80"},
            {"category: registry_add\nproduct: windows", "sel:\n    TargetObject|re: 'Run$'"},
            {"category: dns_query\nproduct: windows", "sel:\n    QueryName|endswith: .onion\n    QueryStatus|gt: 0"},
            {"category: process_access\nproduct: windows", "sel:\n    GrantedAccess: '0x1410'\n    CallTrace|exists: true"},
            {"category: ps_module\nproduct: windows", "sel:\n    Payload|contains: x\n    ContextInfo: null"},
            {"product: windows\nservice: windefend", "sel:\n    NewValue|contains: x\n    Feature_Name: y"},
            {"product: windows\nservice: application", "sel:\n    Provider_Name: x\n    Level: 2\n    AppName: y"},
            {"product: windows\nservice: wmi", "sel:\n    EventID: 5861"},
        };
        Path out = dir.resolve("we-out");
        Path in = dir.resolve("in");
        for (String[] c : cases) {
            kql(c[0], c[1] + "\ncondition: sel");
        }
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", WE, "-o", out.toString(), in.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(cases.length, KqlCli.assertBind(out).files(), "one query per case");
    }
}
