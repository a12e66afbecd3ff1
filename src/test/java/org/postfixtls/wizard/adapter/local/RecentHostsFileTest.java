package org.postfixtls.wizard.adapter.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.workspace.RecentHost;

class RecentHostsFileTest {

    @TempDir
    Path dir;

    @Test
    void newestFirstOneEntryPerTargetAtMostTen() throws Exception {
        RecentHostsFile store = new RecentHostsFile(dir.resolve("cfg/recent-hosts.json"));
        for (int i = 0; i < 12; i++) {
            store.remember(new RecentHost("mx" + i + ".example.com", 22, "deploy", "agent", null, true, null));
        }
        store.remember(new RecentHost("mx5.example.com", 22, "deploy", "key", "/home/a/.ssh/id_ed25519", true, null));
        List<RecentHost> hosts = store.load();
        assertEquals(10, hosts.size());
        assertEquals("mx5.example.com", hosts.get(0).host());
        assertEquals("key", hosts.get(0).auth());
        assertEquals(1, hosts.stream().filter(h -> h.host().equals("mx5.example.com")).count());
        assertEquals("mx11.example.com", hosts.get(1).host());
    }

    @Test
    void theFileHoldsNoSecretField() throws Exception {
        assertTrue(Arrays.stream(RecentHost.class.getRecordComponents())
                .noneMatch(c -> c.getName().toLowerCase().matches(".*(password|passphrase|secret).*")));
        RecentHostsFile store = new RecentHostsFile(dir.resolve("recent-hosts.json"));
        store.remember(new RecentHost("mx.example.com", 2222, "root", "password", null, false, "/etc/postfix-out"));
        String json = Files.readString(dir.resolve("recent-hosts.json"));
        assertFalse(json.toLowerCase().contains("pass\""), json);
        assertEquals("root@mx.example.com:2222 (/etc/postfix-out)", store.load().get(0).label());
    }

    @Test
    void aDamagedFileIsForgottenNotFatal() throws Exception {
        Path file = Files.writeString(dir.resolve("recent-hosts.json"), "{not json");
        assertEquals(List.of(), new RecentHostsFile(file).load());
    }
}
