package org.postfixtls.wizard.adapter.local;

import org.postfixtls.wizard.app.readiness.LogSource;
import java.nio.file.Path;
import java.util.Map;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.app.workspace.Workstation;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.kernel.FileContent;

/** The wizard's files on this computer, through the local adapters. */
public final class LocalWorkstation implements Workstation {

    @Override
    public FileContent read(Path file, int maxBytes, String expected) {
        return LocalFiles.read(file, maxBytes, expected);
    }

    @Override
    public void writeNew(Path file, byte[] content, String permissions) {
        LocalFiles.writeNew(file, content, permissions);
    }

    @Override
    public Path replace(Path file, byte[] content) {
        return ExportFolder.replaceFile(file, content);
    }

    @Override
    public Path writeFolder(Path target, Map<String, byte[]> files) {
        return ExportFolder.writeAll(target, files);
    }

    @Override
    public ServerFiles readConfigFolder(Path folder, PostfixVersion version) {
        return LocalConfigFolder.read(folder, version);
    }

    @Override
    public LogSource mailLog(Path file, long maxBytes) {
        return new LocalMailLog(file, maxBytes);
    }
}
