package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.HostKeyInfo;

/** Issue 14 finding 9: a key of a new type for a known host was introduced as "never connected". */
class HostKeyDialogTextTest {

    private static final String NEW = "SHA256:newnewnewnewnewnewnewnewnewnewnewnewnewnew";
    private static final String OLD = "SHA256:oldoldoldoldoldoldoldoldoldoldoldoldoldold";

    @Test
    void aNewKeyTypeForAKnownHostIsShownAsAChangeWithBothFingerprints() {
        HostKeyDialog.Text text = HostKeyDialog.text(new HostKeyInfo("mx.example.com", 22, "mx.example.com", "ssh-ed25519",
                NEW, List.of("ecdsa-sha2-nistp256 " + OLD)));
        assertTrue(text.header().contains("changed"), text.header());
        assertTrue(text.body().contains(NEW) && text.body().contains("ecdsa-sha2-nistp256 " + OLD), text.body());
        assertFalse(text.body().contains("never connected"), text.body());
    }

    @Test
    void aHostWithoutKnownKeysIsAFirstMeeting() {
        HostKeyDialog.Text text = HostKeyDialog.text(new HostKeyInfo("mx.example.com", 22, "mx.example.com", "ssh-ed25519", NEW));
        assertTrue(text.body().contains("never connected") && text.body().contains(NEW), text.body());
    }
}
