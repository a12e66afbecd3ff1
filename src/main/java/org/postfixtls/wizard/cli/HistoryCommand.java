package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.app.deploy.DeployRecord;
import org.postfixtls.wizard.app.remote.RemoteSession;
import picocli.CommandLine.Command;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the deploys and rollbacks recorded on the server (from its manifests), oldest first.")
public final class HistoryCommand extends RemoteCommand {

    @Override
    int run(RemoteSession session, PrintWriter out, PrintWriter err) {
        List<DeployRecord> records = engine().history(session, remote.deployOptions());
        if (format == OutputFormat.json) {
            out.println(Json.write(records.stream().map(HistoryCommand::json).toList()));
        } else if (records.isEmpty()) {
            out.println("No deploys recorded on " + session.target());
        } else {
            for (DeployRecord r : records) {
                out.println(r.id() + "  " + r.kind() + (r.rollbackOf() == null ? "" : " of " + r.rollbackOf()) + "  "
                        + r.state() + "  " + r.created() + "  " + r.client()
                        + (r.profile() == null ? "" : "  profile " + r.profile())
                        + (r.committed() || r.resultMessage() == null ? "" : "  (" + r.resultStep() + ": "
                                + r.resultMessage() + ")"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(DeployRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind());
        m.put("created", r.created());
        m.put("client", r.client());
        m.put("profile", r.profile());
        m.put("rollbackOf", r.rollbackOf());
        m.put("state", r.state());
        m.put("resultStep", r.resultStep());
        m.put("resultMessage", r.resultMessage());
        m.put("files", r.files().stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", f.name());
            file.put("path", f.path());
            file.put("existed", f.existed());
            file.put("sha256", f.sha256());
            file.put("owner", f.owner());
            file.put("group", f.group());
            file.put("mode", f.mode());
            return file;
        }).toList());
        return m;
    }
}
