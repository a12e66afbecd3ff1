package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "Readable only by root and Postfix" (runbook, Risk and Done). Postfix reads the key as root before it drops
 * privileges, so root ownership with mode 0600/0400 is the ideal; group read is tolerated only for a group that
 * contains nobody but Postfix.
 */
public record KeyPermissionPolicy(Set<String> allowedOwners, Set<String> allowedReadGroups) {

    public static final KeyPermissionPolicy DEFAULT = new KeyPermissionPolicy(Set.of("root"), Set.of("root", "postfix"));

    private static final int OTHERS_ANY = 0007;
    private static final int GROUP_WRITE_OR_EXECUTE = 0030;
    private static final int GROUP_READ = 0040;
    private static final int SPECIAL_BITS = 07000;

    public KeyPermissionPolicy {
        allowedOwners = Set.copyOf(allowedOwners);
        allowedReadGroups = Set.copyOf(allowedReadGroups);
    }

    /** Every violation, each as a sentence; empty when the file is protected as it should be. */
    public List<String> violations(FileMetadata metadata) {
        List<String> problems = new ArrayList<>();
        if (!allowedOwners.contains(metadata.owner())) {
            problems.add("owned by " + metadata.owner() + ", expected " + String.join(" or ", sorted(allowedOwners)));
        }
        if (metadata.anyBitOf(OTHERS_ANY)) {
            problems.add("mode " + metadata.modeOctal() + " gives access to every user");
        }
        if (metadata.anyBitOf(GROUP_WRITE_OR_EXECUTE)) {
            problems.add("mode " + metadata.modeOctal() + " lets group " + metadata.group() + " modify it");
        }
        if (metadata.anyBitOf(GROUP_READ) && !allowedReadGroups.contains(metadata.group())) {
            problems.add("mode " + metadata.modeOctal() + " lets group " + metadata.group() + " read it");
        }
        if (metadata.anyBitOf(SPECIAL_BITS)) {
            problems.add("mode " + metadata.modeOctal() + " has setuid/setgid/sticky bits");
        }
        return problems;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
